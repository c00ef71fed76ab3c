-- A customer's memory: KEYS[1] its identity record; ARGV: prefix, the customer (an identity). Returns its last and its
-- primary owner (false when not remembered), shared by its linked identities.
local root = customer_of(ARGV[2])
return {redis.call('GET', P .. 'memory:' .. root), redis.call('HGET', P .. 'primary:' .. root, 'owner')}
