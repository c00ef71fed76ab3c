-- An owner's open conversations, oldest assignment first: KEYS[1] the owner; ARGV: prefix. Returns each one's data,
-- or false for the owner that is not on the roster.
if redis.call('EXISTS', KEYS[1]) == 0 then return false end
local data = {}
for _, id in ipairs(redis.call('ZRANGE', KEYS[1] .. ':convs', 0, -1)) do
  table.insert(data, redis.call('HGET', conv_key(id), 'data'))
end
return data
