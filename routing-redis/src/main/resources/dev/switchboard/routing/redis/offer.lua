-- Turns an owned conversation into an offer to its owner, who keeps the room: KEYS[1] its place; ARGV: prefix, id,
-- offered at and expires at (ISO), expires at (epoch ms). The offers' order holds it by its expiry, then by the
-- order offers were made. 0 (and nothing changed) when it is not owned.
local id = ARGV[2]
local owner = redis.call('HGET', KEYS[1], 'owner')
if not owner then return 0 end
local member = string.format('%020d', redis.call('INCR', P .. 'seq')) .. ':' .. id
redis.call('HDEL', KEYS[1], 'owner')
redis.call('HSET', KEYS[1], 'offered', ARGV[3], 'expires', ARGV[4], 'offermember', member)
redis.call('DEL', P .. 'offer:' .. id)
redis.call('RPUSH', P .. 'offer:' .. id, owner)
redis.call('ZADD', P .. 'offers', ARGV[5], member)
return 1
