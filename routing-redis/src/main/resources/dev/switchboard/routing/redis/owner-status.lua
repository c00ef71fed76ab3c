-- One owner's state at one moment: KEYS[1] the owner; ARGV: prefix. Returns its hash's fields flat, then its
-- conversations in assignment order, or an empty list when it is not on the roster.
if redis.call('EXISTS', KEYS[1]) == 0 then return {} end
return {redis.call('HGETALL', KEYS[1]), redis.call('ZRANGE', KEYS[1] .. ':convs', 0, -1)}
