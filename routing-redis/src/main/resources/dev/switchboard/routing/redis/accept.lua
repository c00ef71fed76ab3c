-- Gives an offered conversation to one of the owners it is offered to: KEYS[1] its place; ARGV: prefix, id, owner,
-- memory ttl (ms). The others' offers are taken back and their room given back; the customer remembers the owner
-- unless it was the last one remembered. 0 (and nothing changed) when it is not offered to that owner.
local id, owner = ARGV[2], ARGV[3]
local place, offer = fields(KEYS[1]), P .. 'offer:' .. id
if not place.offered or not redis.call('LPOS', offer, owner) then return 0 end
for _, other in ipairs(redis.call('LRANGE', offer, 0, -1)) do
  if other ~= owner then give_back_room(owner_key(other), id, place.channel) end
end
redis.call('DEL', offer)
redis.call('ZREM', P .. 'offers', place.offermember)
redis.call('HDEL', KEYS[1], 'offered', 'expires', 'offermember')
redis.call('HSET', KEYS[1], 'owner', owner)
if redis.call('GET', P .. 'memory:' .. customer_of(place.customer)) ~= owner then
  remember(place.customer, owner, ARGV[4])
end
return 1
