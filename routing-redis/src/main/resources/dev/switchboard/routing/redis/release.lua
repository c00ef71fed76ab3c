-- Releases a conversation from its owner if it is still placed there: KEYS[1] its place; ARGV: prefix, id, owner.
-- Frees the owner's capacity and stops the conversation's timers; 0 (and nothing changed) when it was not there.
local id, owner = ARGV[2], ARGV[3]
local placed = redis.call('HMGET', KEYS[1], 'owner', 'channel')
if placed[1] ~= owner then return 0 end
redis.call('DEL', KEYS[1])
give_back_room(owner_key(owner), id, placed[2])
redis.call('ZREM', P .. 'timers', 'RESPONSE_DEADLINE:' .. id, 'AGENT_PICK_DEADLINE:' .. id)
return 1
