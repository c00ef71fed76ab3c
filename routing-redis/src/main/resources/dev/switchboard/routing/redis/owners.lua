-- The owners as the live state reads them (see owner_states): KEYS[1] the roster; ARGV: prefix, one owner ('' for
-- all).
return owner_states(ARGV[2], true)
