-- Leaves an owner that let a conversation's response deadline lapse out of its later decisions: KEYS[1] the owners
-- that did; ARGV: prefix, owner, the conversation. Returns how many lapses it had.
local lapses = redis.call('RPUSH', KEYS[1], ARGV[2])
touch_left_out(ARGV[3], true)
return lapses
