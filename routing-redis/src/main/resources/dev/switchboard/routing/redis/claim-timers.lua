-- Hands the timers due by now to this caller alone for a lease (see claim_due): KEYS[1] the timers; ARGV: prefix, now
-- (epoch ms), the most to claim, the lease (ms). Returns member, due pairs, earliest first.
return claim_due(KEYS[1], ARGV[2], tonumber(ARGV[4]), tonumber(ARGV[3]))
