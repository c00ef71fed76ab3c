-- Takes an owner off the roster: KEYS[1] the owner; ARGV: prefix, owner. 'HOLDS' (and nothing changed) while it
-- holds conversations, 'GONE' when it is not on the roster.
if redis.call('EXISTS', KEYS[1]) == 0 then return 'GONE' end
if tonumber(redis.call('HGET', KEYS[1], 'load')) > 0 then return 'HOLDS' end
redis.call('DEL', KEYS[1], KEYS[1] .. ':convs', KEYS[1] .. ':cap', KEYS[1] .. ':done')
redis.call('ZREM', P .. 'owners', ARGV[2])
touch(ARGV[2])
redis.call('ZREM', P .. 'timers', 'OFFLINE_GRACE:' .. ARGV[2])
return 'REMOVED'
