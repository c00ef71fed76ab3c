-- Adds an owner to the roster (at the next roster position: 0, 1, 2..., never reused), or replaces its definition, capacity and fairness cap keeping its load: KEYS[1] the
-- owner; ARGV: prefix, owner, presence ('' keeps it), total, fairness cap limit and window in ms ('' for none), its
-- definition (JSON), its wrap-up after a release (ms), whether an owner already on the roster keeps its presence
-- ('1': a router built on a store that holds state carries on from it), then channel, limit pairs. Each put gives the definition a
-- new version, so that instances that cache definitions see it changed.
local new = redis.call('EXISTS', KEYS[1]) == 0
if new then
  redis.call('ZADD', P .. 'owners', redis.call('INCR', P .. 'positions') - 1, ARGV[2])
  redis.call('HSET', KEYS[1], 'load', 0, 'maxload', 0)
end
for field, _ in pairs(fields(KEYS[1])) do
  if string.sub(field, 1, 6) == 'limit:' then redis.call('HDEL', KEYS[1], field) end
end
if ARGV[3] ~= '' and (new or ARGV[9] ~= '1') then redis.call('HSET', KEYS[1], 'presence', ARGV[3]) end
redis.call('HSET', KEYS[1], 'total', ARGV[4], 'def', ARGV[7], 'wrap', ARGV[8], 'defv', redis.call('INCR', P .. 'seq'))
if ARGV[5] == '' then redis.call('HDEL', KEYS[1], 'cap', 'window')
else redis.call('HSET', KEYS[1], 'cap', ARGV[5], 'window', ARGV[6]) end
for i = 10, #ARGV, 2 do redis.call('HSET', KEYS[1], 'limit:' .. ARGV[i], ARGV[i + 1]) end
touch(ARGV[2])
return 1
