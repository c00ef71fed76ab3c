-- Starts a timer, or moves it if it runs already (see schedule): KEYS[1] the timers; ARGV: prefix, member, due
-- (epoch ms).
schedule(KEYS[1], ARGV[2], ARGV[3])
return 1
