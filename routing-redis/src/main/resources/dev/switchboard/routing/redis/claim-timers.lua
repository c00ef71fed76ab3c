-- Hands the timers due by now to this caller alone: KEYS[1] the timers; ARGV: prefix, now (epoch ms), the most to
-- claim. Returns member, due pairs, earliest first; each is removed as it is handed out.
local due = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', ARGV[2], 'WITHSCORES', 'LIMIT', 0, tonumber(ARGV[3]))
for i = 1, #due, 2 do redis.call('ZREM', KEYS[1], due[i]) end
return due
