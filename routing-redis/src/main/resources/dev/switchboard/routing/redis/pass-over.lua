-- Leaves an owner out of a conversation's later decisions: KEYS[1] the owners passed over for it; ARGV: prefix,
-- owner, the conversation. Returns how many are left out now.
redis.call('SADD', KEYS[1], ARGV[2])
touch_left_out(ARGV[3], true)
return redis.call('SCARD', KEYS[1])
