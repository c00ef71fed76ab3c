-- Makes one id another name of a placed conversation, with the names it had itself: KEYS[1] the conversation's
-- names; ARGV: prefix, alias, id.
local alias, id = ARGV[2], ARGV[3]
local inherited = redis.call('SMEMBERS', P .. 'aliases:' .. alias)
table.insert(inherited, alias)
for _, name in ipairs(inherited) do
  redis.call('SET', P .. 'alias:' .. name, id)
  redis.call('SADD', KEYS[1], name)
end
redis.call('DEL', P .. 'aliases:' .. alias)
return 1
