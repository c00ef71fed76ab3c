-- Where a conversation is, by its id or an alias of it: KEYS[1] the alias record; ARGV: prefix, id. Returns the
-- conversation's id, its place's fields flat and, when offered, the owners it is offered to; or an empty list.
local id = redis.call('GET', KEYS[1]) or ARGV[2]
local flat = redis.call('HGETALL', conv_key(id))
if #flat == 0 then return {} end
return {id, flat, redis.call('LRANGE', P .. 'offer:' .. id, 0, -1)}
