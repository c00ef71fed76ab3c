-- The first conversation waiting after a place in serve order: KEYS[1] the all-queues order; ARGV: prefix, the
-- place's score and member ('' and '' for the very first), then the queues to look in (none for every queue).
-- Returns what dequeue returns, or an empty list.
local score, member = ARGV[2], ARGV[3]
local function first_after(key)
  if score == '' then
    local first = redis.call('ZRANGE', key, 0, 0, 'WITHSCORES')
    return first[1], tonumber(first[2])
  end
  for _, tied in ipairs(redis.call('ZRANGEBYSCORE', key, score, score)) do
    if tied > member then return tied, tonumber(score) end
  end
  local next = redis.call('ZRANGEBYSCORE', key, '(' .. score, '+inf', 'WITHSCORES', 'LIMIT', 0, 1)
  return next[1], tonumber(next[2])
end
local best, best_score
local keys = {}
if #ARGV == 3 then keys = {KEYS[1]} else
  for i = 4, #ARGV do table.insert(keys, P .. 'queue:' .. ARGV[i]) end
end
for _, key in ipairs(keys) do
  local found, found_score = first_after(key)
  if found and (not best or found_score < best_score or (found_score == best_score and found < best)) then
    best, best_score = found, found_score
  end
end
if not best then return {} end
local place = fields(conv_key(string.sub(best, 22)))
return {place.data, place.queue, place.reason, place.enqueued, place.sla}
