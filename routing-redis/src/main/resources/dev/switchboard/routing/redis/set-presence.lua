-- Sets an owner's presence: KEYS[1] the owner; ARGV: prefix, presence, at (ISO). Going offline notes when; any other
-- presence forgets it. 0 (and nothing changed) when the owner is not on the roster.
if redis.call('EXISTS', KEYS[1]) == 0 then return 0 end
redis.call('HSET', KEYS[1], 'presence', ARGV[2])
if ARGV[2] == 'OFFLINE' then redis.call('HSET', KEYS[1], 'offline', ARGV[3])
else redis.call('HDEL', KEYS[1], 'offline') end
touch(owner_of(KEYS[1]))
return 1
