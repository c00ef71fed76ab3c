-- Forgets what is kept about a conversation that left: KEYS[1] its names; ARGV: prefix, id. Its names, the owners
-- that let its response deadline lapse and those passed over for it.
for _, name in ipairs(redis.call('SMEMBERS', KEYS[1])) do redis.call('DEL', P .. 'alias:' .. name) end
redis.call('DEL', KEYS[1], P .. 'lapses:' .. ARGV[2], P .. 'passed:' .. ARGV[2])
if redis.call('SISMEMBER', P .. 'leftout', ARGV[2]) == 1 then touch_left_out(ARGV[2], false) end
return 1
