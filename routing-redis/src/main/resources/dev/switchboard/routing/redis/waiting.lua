-- The waiting conversations of one queue (or of all, for ''), in serve order, at one moment: KEYS[1] the order;
-- ARGV: prefix. Returns data, queue, reason, enqueued, sla for each.
local entries = {}
for _, member in ipairs(redis.call('ZRANGE', KEYS[1], 0, -1)) do
  local place = fields(conv_key(string.sub(member, 22)))
  table.insert(entries, {place.data, place.queue, place.reason, place.enqueued, place.sla})
end
return entries
