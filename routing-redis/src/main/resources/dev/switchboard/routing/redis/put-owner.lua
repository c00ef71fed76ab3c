-- Adds an owner to the roster, or replaces its presence and capacity keeping its load: KEYS[1] the owner; ARGV:
-- prefix, owner, presence, total, fairness cap limit and window in ms ('' for none), then channel, limit pairs.
if redis.call('EXISTS', KEYS[1]) == 0 then
  redis.call('ZADD', P .. 'owners', redis.call('INCR', P .. 'seq'), ARGV[2])
  redis.call('HSET', KEYS[1], 'load', 0, 'maxload', 0)
end
for field, _ in pairs(fields(KEYS[1])) do
  if string.sub(field, 1, 6) == 'limit:' then redis.call('HDEL', KEYS[1], field) end
end
redis.call('HSET', KEYS[1], 'presence', ARGV[3], 'total', ARGV[4])
if ARGV[5] == '' then redis.call('HDEL', KEYS[1], 'cap', 'window')
else redis.call('HSET', KEYS[1], 'cap', ARGV[5], 'window', ARGV[6]) end
for i = 7, #ARGV, 2 do redis.call('HSET', KEYS[1], 'limit:' .. ARGV[i], ARGV[i + 1]) end
return 1
