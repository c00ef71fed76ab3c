-- Puts a conversation that is in no place into a queue: KEYS[1] its place; ARGV: prefix, id, queue, member (its
-- serve-order tie-break and id), score, channel, customer, data, reason, enqueued at, SLA deadline (ISO), SLA
-- deadline (epoch ms), whether to track it under its customer ('1'), the owner it must be taken from ('' for none;
-- given, as for a take-back, it moves from that owner's to the queue in this script, see take_owned). Its SLA breach
-- timer starts with it. 0 (and nothing changed) when it is already placed, or, taken from an owner, not that owner's.
local id, queue, member, score = ARGV[2], ARGV[3], ARGV[4], ARGV[5]
if ARGV[14] ~= '' then
  if not take_owned(id, ARGV[14], '', 0) then return 0 end
elseif redis.call('EXISTS', KEYS[1]) == 1 then return 0 end
redis.call('HSET', KEYS[1], 'queue', queue, 'member', member, 'channel', ARGV[6], 'customer', ARGV[7],
  'data', ARGV[8], 'reason', ARGV[9], 'enqueued', ARGV[10], 'sla', ARGV[11])
redis.call('ZADD', P .. 'queue:' .. queue, score, member)
redis.call('ZADD', P .. 'waiting', score, member)
schedule(P .. 'timers', 'SLA_BREACH:' .. id, ARGV[12])
track(ARGV[7], id, ARGV[13])
return 1
