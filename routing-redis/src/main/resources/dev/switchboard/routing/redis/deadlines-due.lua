-- Hands this caller the response deadlines due by now, earliest first, for a lease (see claim_due), so that no other
-- caller gets them while it settles them (a lapse takes the conversation from its owner, which stops its deadline):
-- KEYS[1] the deadlines; ARGV: prefix, now (epoch ms), the lease (ms). Returns id, deadline pairs.
return claim_due(KEYS[1], ARGV[2], tonumber(ARGV[3]), 0)
