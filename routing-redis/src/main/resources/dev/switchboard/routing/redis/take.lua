-- Gives an owner the first conversation, in serve order, that it has room for: KEYS[1] the owner; ARGV: prefix,
-- owner, the queue ('' for every queue), how many waiting conversations to look at, at (epoch ms), memory ttl (ms).
-- Returns what dequeue returns plus the id, or an empty list when the owner cannot take work or none fits.
local owner, queue, scan, at, memory_ttl = ARGV[2], ARGV[3], tonumber(ARGV[4]), ARGV[5], ARGV[6]
local order = queue == '' and P .. 'waiting' or P .. 'queue:' .. queue
for _, member in ipairs(redis.call('ZRANGE', order, 0, scan - 1)) do
  local id = string.sub(member, 22)
  local place = fields(conv_key(id))
  local o = owner_fields(KEYS[1], place.channel)
  if not o or not may_receive_work(o) then return {} end
  if has_room(o) then
    unqueue(id, place)
    place_owned(id, owner, o, place.channel, place.customer, place.data, at, memory_ttl)
    return {place.data, place.queue, place.reason, place.enqueued, place.sla, id}
  end
end
return {}
