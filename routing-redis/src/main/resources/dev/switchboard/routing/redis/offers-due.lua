-- Hands this caller the offers that expire by now, earliest first, and takes them off the offers' order, so that no
-- other caller expires them too: KEYS[1] the offers' order; ARGV: prefix, now (epoch ms). Returns each one's id,
-- place's fields flat and the owners it is offered to.
local due = {}
for _, member in ipairs(redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', ARGV[2])) do
  redis.call('ZREM', KEYS[1], member)
  local id = string.sub(member, 22)
  table.insert(due, {id, redis.call('HGETALL', conv_key(id)), redis.call('LRANGE', P .. 'offer:' .. id, 0, -1)})
end
return due
