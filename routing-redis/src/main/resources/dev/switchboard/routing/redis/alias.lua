-- Makes one id another name of a placed conversation, with the names it had itself: KEYS[1] the conversation's
-- names; ARGV: prefix, alias, id, then the place the alias leaves in the same script, as a customer merge takes it
-- (see PendingTake): the owner it must be owned by, or else the queue it must wait in ('' and '' when it leaves
-- none). 0 (and nothing changed) when it is no longer there; else 1.
local alias, id, from_owner, from_queue = ARGV[2], ARGV[3], ARGV[4], ARGV[5]
if from_owner ~= '' then
  if not take_owned(alias, from_owner, '', 0) then return 0 end
elseif from_queue ~= '' then
  local place = fields(conv_key(alias))
  if place.queue ~= from_queue then return 0 end
  unqueue(alias, place)
  untrack(place.customer, alias)
end
local inherited = redis.call('SMEMBERS', P .. 'aliases:' .. alias)
table.insert(inherited, alias)
for _, name in ipairs(inherited) do
  redis.call('SET', P .. 'alias:' .. name, id)
  redis.call('SADD', KEYS[1], name)
end
redis.call('DEL', P .. 'aliases:' .. alias)
return 1
