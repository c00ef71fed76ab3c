-- Writes a snapshot into an empty tenant: KEYS[1] the roster; ARGV: prefix, the writes (JSON: a list of commands,
-- each a list of strings). 0 (and nothing written) when the tenant holds any key.
local cursor = '0'
repeat
  local page = redis.call('SCAN', cursor, 'MATCH', P .. '*', 'COUNT', 1000)
  if #page[2] > 0 then return 0 end
  cursor = page[1]
until cursor == '0'
for _, write in ipairs(cjson.decode(ARGV[2])) do redis.call(unpack(write)) end
-- a new epoch, with every owner changed, for instances whose near-cache read the tenant before
next_version()
for _, owner in ipairs(redis.call('ZRANGE', KEYS[1], 0, -1)) do touch(owner) end
return 1
