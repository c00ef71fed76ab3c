-- Takes back one owner's offer of a conversation, giving its room back: KEYS[1] its place; ARGV: prefix, id, owner.
-- Returns 'NOT_OFFERED' (nothing changed) when it is not offered to that owner; else 'STANDS' and the owners it is
-- still offered to, none when no offer stands, and then the conversation is in no place.
local id, owner = ARGV[2], ARGV[3]
local place, offer = fields(KEYS[1]), P .. 'offer:' .. id
if not place.offered or not redis.call('LPOS', offer, owner) then return {'NOT_OFFERED'} end
give_back_room(owner_key(owner), id, place.channel)
redis.call('LREM', offer, 0, owner)
local left = redis.call('LRANGE', offer, 0, -1)
if #left == 0 then
  redis.call('DEL', KEYS[1], offer)
  redis.call('ZREM', P .. 'offers', place.offermember)
  untrack(place.customer, id)
end
table.insert(left, 1, 'STANDS')
return left
