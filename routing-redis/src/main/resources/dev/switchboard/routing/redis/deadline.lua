-- Starts an owned conversation's response deadline (see schedule): KEYS[1] its place; ARGV: prefix, id, deadline
-- (epoch ms). 0 (nothing changed) when it is not owned.
if not redis.call('HGET', KEYS[1], 'owner') then return 0 end
schedule(P .. 'deadlines', ARGV[2], ARGV[3])
return 1
