-- Offers an offered conversation to one more owner, taking its room: KEYS[1] its place; ARGV: prefix, id, owner, at
-- (epoch ms), the owner's local day and daily limit ('' for none). 'NOT_OFFERED'; 'REFUSED' (and nothing changed)
-- when the owner is not on the roster, is offered it already, may not receive work, has no room on the channel, is
-- at its fairness cap or held back; 'RUNG'.
local id, owner, at = ARGV[2], ARGV[3], ARGV[4]
local place = fields(KEYS[1])
if not place.offered then return 'NOT_OFFERED' end
local okey, offer = owner_key(owner), P .. 'offer:' .. id
local o = owner_fields(okey, place.channel)
if not o or redis.call('LPOS', offer, owner) then return 'REFUSED' end
if not may_receive_work(o) or not has_room(o) or at_cap(okey, o, at) or held_back(o, at, ARGV[5], ARGV[6]) then
  return 'REFUSED'
end
take_room(okey, o, id, place.channel, at, ARGV[5])
redis.call('RPUSH', offer, owner)
return 'RUNG'
