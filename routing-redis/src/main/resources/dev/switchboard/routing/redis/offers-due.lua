-- Hands this caller the offers that expire by now, earliest first, for a lease (see claim_due), so that no other
-- caller expires them while it does (taking back the last owner's offer takes it off the offers' order): KEYS[1] the
-- offers' order; ARGV: prefix, now (epoch ms), the lease (ms). Returns each one's id, place's
-- fields flat and the owners it is offered to.
local due = {}
local claimed = claim_due(KEYS[1], ARGV[2], tonumber(ARGV[3]), 0)
for i = 1, #claimed, 2 do
  local id = string.sub(claimed[i], 22)
  table.insert(due, {id, redis.call('HGETALL', conv_key(id)), redis.call('LRANGE', P .. 'offer:' .. id, 0, -1)})
end
return due
