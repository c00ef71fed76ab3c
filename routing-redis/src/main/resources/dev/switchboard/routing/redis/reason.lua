-- Replaces why a conversation waits: KEYS[1] its place; ARGV: prefix, reason. 0 (nothing changed) when not waiting.
if not redis.call('HGET', KEYS[1], 'queue') then return 0 end
redis.call('HSET', KEYS[1], 'reason', ARGV[2])
return 1
