-- Lets an owner passed over for a conversation be chosen for it again: KEYS[1] the owners passed over for it; ARGV:
-- prefix, owner, the conversation.
if redis.call('SREM', KEYS[1], ARGV[2]) == 1 then touch_left_out(ARGV[3], true) end
return 1
