-- Takes a waiting conversation out of its queue: KEYS[1] its place; ARGV: prefix, id. Returns its fields (data,
-- queue, reason, enqueued, sla), or nothing (an empty list) when it was not waiting.
local place = fields(KEYS[1])
if not place.queue then return {} end
unqueue(ARGV[2], place)
untrack(place.customer, ARGV[2])
return {place.data, place.queue, place.reason, place.enqueued, place.sla}
