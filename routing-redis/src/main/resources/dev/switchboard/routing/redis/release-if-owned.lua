-- The router's release of a conversation owned under its id, as ended (see take_owned): KEYS[1] its place; ARGV:
-- prefix, id, when it ended (epoch ms), how far back the owner's releases are kept (ms), the epoch and version the
-- caller's near-cache holds. Returns the owner and the conversation's data ({} and nothing changed when it is not
-- owned under that id), whether any conversation waits ('1' or '0'), then the changes since that version.
local place = take_owned(ARGV[2], '', ARGV[3], tonumber(ARGV[4]))
if not place then return {} end
return {place.owner, place.data, redis.call('EXISTS', P .. 'waiting') == 1 and '1' or '0',
  changes(ARGV[5], ARGV[6], '')}
