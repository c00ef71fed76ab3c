-- Takes an owned conversation from its owner (see take_owned): KEYS[1] its place; ARGV: prefix, id, the owner it
-- must be with ('' for whoever owns it), when it ended (epoch ms; '' when it did not end, as in a transfer), how far
-- back the owner's releases are kept (ms). Returns the owner and the conversation's data, or an empty list (and
-- nothing changed) when it was not owned there.
local place = take_owned(ARGV[2], ARGV[3], ARGV[4], tonumber(ARGV[5]))
if not place then return {} end
return {place.owner, place.data}
