-- Commits one decision: KEYS[1] the conversation's place; ARGV: prefix, id, owner, channel, customer, data, at
-- (epoch ms), memory ttl (ms), the queue it waits in ('' when it must be in no place), whether it is automatic ('1':
-- the owner must not be at its fairness cap or otherwise held back, see held_back; '0' for a claim or a transfer),
-- the owner's local day and daily limit ('' for none), whether to track it under its customer ('1'), the number of
-- cursors read then (key, version) pairs, the cursor scope, the number of moves then (key, position) pairs. Checks
-- everything before it changes anything (but for dropping fairness-window entries that have expired), so a refusal
-- leaves the state as it was.
local id, owner, channel, customer, data = ARGV[2], ARGV[3], ARGV[4], ARGV[5], ARGV[6]
local at, memory_ttl, from_queue, automatic = ARGV[7], ARGV[8], ARGV[9], ARGV[10] == '1'
local day, day_limit, tracked = ARGV[11], ARGV[12], ARGV[13]
local okey = owner_key(owner)

if redis.call('EXISTS', okey) == 0 then return 'OWNER_GONE' end
local place = fields(KEYS[1])
if place.owner or place.offered or (place.queue or '') ~= from_queue then return 'ALREADY_PLACED' end
if not may_receive_work(okey) then return 'OWNER_UNAVAILABLE' end
if not has_room(okey, channel) then return 'OWNER_FULL' end
if automatic and at_cap(okey, at) then return 'OWNER_AT_CAP' end
if automatic and (held_back(okey, at, day, day_limit) or left_out(id, owner)) then return 'OWNER_HELD_BACK' end
local reads = tonumber(ARGV[14])
local scope_at = 15 + 2 * reads
local cursors = P .. 'cursors:' .. ARGV[scope_at]
for i = 15, scope_at - 1, 2 do
  if tonumber(redis.call('HGET', cursors, 'v:' .. ARGV[i]) or 0) ~= tonumber(ARGV[i + 1]) then
    return 'CURSOR_MOVED'
  end
end

if place.queue then unqueue(id, place) else track(customer, id, tracked) end
place_owned(id, owner, channel, customer, data, at, memory_ttl, day)
for i = scope_at + 2, scope_at + 1 + 2 * tonumber(ARGV[scope_at + 1]), 2 do
  redis.call('HSET', cursors, 'p:' .. ARGV[i], ARGV[i + 1])
  redis.call('HINCRBY', cursors, 'v:' .. ARGV[i], 1)
end
return 'COMMITTED'
