-- Puts a conversation that is in no place into a queue: KEYS[1] its place; ARGV: prefix, id, queue, member (its
-- serve-order tie-break and id), score, channel, customer, data, reason, enqueued at, SLA deadline (ISO), SLA
-- deadline (epoch ms), whether to track it under its customer ('1'). Its SLA breach timer starts with it. 0 (and
-- nothing changed) when it is already placed.
local id, queue, member, score = ARGV[2], ARGV[3], ARGV[4], ARGV[5]
if redis.call('EXISTS', KEYS[1]) == 1 then return 0 end
redis.call('HSET', KEYS[1], 'queue', queue, 'member', member, 'channel', ARGV[6], 'customer', ARGV[7],
  'data', ARGV[8], 'reason', ARGV[9], 'enqueued', ARGV[10], 'sla', ARGV[11])
redis.call('ZADD', P .. 'queue:' .. queue, score, member)
redis.call('ZADD', P .. 'waiting', score, member)
redis.call('ZADD', P .. 'timers', ARGV[12], 'SLA_BREACH:' .. id)
track(ARGV[7], id, ARGV[13])
return 1
