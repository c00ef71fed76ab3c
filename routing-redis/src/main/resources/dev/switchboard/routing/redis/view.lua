-- What one decision reads, at one moment: KEYS[1] the roster; ARGV: prefix, at (epoch ms), the conversation, its
-- customer, the cursor scope. Returns the owners (see owner_states; without their conversations), the scope's
-- cursors flat, the owners that let the conversation's response deadline lapse, those passed over for it, and the
-- customer's last and primary owner (false when not remembered).
local root = customer_of(ARGV[4])
return {owner_states(ARGV[2], '', false), redis.call('HGETALL', P .. 'cursors:' .. ARGV[5]),
  redis.call('LRANGE', P .. 'lapses:' .. ARGV[3], 0, -1), redis.call('SMEMBERS', P .. 'passed:' .. ARGV[3]),
  redis.call('GET', P .. 'memory:' .. root), redis.call('HGET', P .. 'primary:' .. root, 'owner')}
