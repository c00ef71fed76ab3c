-- Marks a waiting conversation's SLA breach as reported: KEYS[1] its place; ARGV: prefix. 1 the first time, 0 after
-- (or when it is not waiting); the mark goes with the wait.
if not redis.call('HGET', KEYS[1], 'queue') then return 0 end
return redis.call('HSETNX', KEYS[1], 'breached', 1)
