-- Makes two identities one customer: KEYS[1] the first identity's record; ARGV: prefix, identity, other, ttl (ms).
-- The customer seen first names the union; its memory of a previous owner is kept, or else the other's is taken,
-- and its placed conversations are the union's.
-- Every identity of the union and its member set expire together, ttl after the latest link. Returns the customer.
local ttl = ARGV[4]
local function seen(root)
  local key = P .. 'identity:' .. root
  local at = redis.call('HGET', key, 'seen')
  if not at then
    at = redis.call('INCR', P .. 'seq')
    redis.call('HSET', key, 'root', root, 'seen', at)
  end
  return tonumber(at)
end
local first, second = customer_of(ARGV[2]), customer_of(ARGV[3])
if first ~= second then
  local kept, absorbed = first, second
  local first_seen = seen(first)
  if seen(second) < first_seen then kept, absorbed = second, first end
  local members = redis.call('SMEMBERS', P .. 'members:' .. absorbed)
  table.insert(members, absorbed)
  for _, identity in ipairs(members) do
    redis.call('HSET', P .. 'identity:' .. identity, 'root', kept)
    redis.call('SADD', P .. 'members:' .. kept, identity)
  end
  redis.call('DEL', P .. 'members:' .. absorbed)
  redis.call('HDEL', P .. 'identity:' .. absorbed, 'seen')
  local memory, primary = P .. 'memory:' .. absorbed, P .. 'primary:' .. absorbed
  local remembered, left = redis.call('GET', memory), redis.call('PTTL', memory)
  if remembered and left > 0 and redis.call('EXISTS', P .. 'memory:' .. kept) == 0 then
    redis.call('SET', P .. 'memory:' .. kept, remembered, 'PX', left)
    local p = redis.call('HMGET', primary, 'owner', 'streak')
    if p[1] then
      redis.call('HSET', P .. 'primary:' .. kept, 'owner', p[1], 'streak', p[2])
      redis.call('PEXPIRE', P .. 'primary:' .. kept, left)
    end
  end
  redis.call('DEL', memory, primary)
  local placed = P .. 'placed:' .. absorbed
  if redis.call('EXISTS', placed) == 1 then
    redis.call('SUNIONSTORE', P .. 'placed:' .. kept, P .. 'placed:' .. kept, placed)
    redis.call('DEL', placed)
  end
  first = kept
end
redis.call('SADD', P .. 'members:' .. first, first)
redis.call('HSET', P .. 'identity:' .. first, 'root', first)
for _, identity in ipairs(redis.call('SMEMBERS', P .. 'members:' .. first)) do
  redis.call('PEXPIRE', P .. 'identity:' .. identity, ttl)
end
redis.call('PEXPIRE', P .. 'members:' .. first, ttl)
return first
