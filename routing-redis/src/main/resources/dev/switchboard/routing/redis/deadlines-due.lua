-- Hands this caller the response deadlines due by now, earliest first, and stops them, so that no other caller gets
-- them: KEYS[1] the deadlines; ARGV: prefix, now (epoch ms). Returns id, deadline pairs.
local due = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', ARGV[2], 'WITHSCORES')
for i = 1, #due, 2 do redis.call('ZREM', KEYS[1], due[i]) end
return due
