-- Starts an owned conversation's response deadline: KEYS[1] its place; ARGV: prefix, id, deadline (epoch ms). 0
-- (nothing changed) when it is not owned.
if not redis.call('HGET', KEYS[1], 'owner') then return 0 end
redis.call('ZADD', P .. 'deadlines', ARGV[3], ARGV[2])
return 1
