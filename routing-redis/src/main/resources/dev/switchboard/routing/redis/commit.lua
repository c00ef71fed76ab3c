-- Commits one decision: KEYS[1] the conversation's place; ARGV: prefix, id, owner, channel, customer, data, at
-- (epoch ms), memory ttl (ms), the queue it waits in ('' when it must be in no place), whether it is automatic ('1':
-- the owner must not be at its fairness cap or otherwise held back, see held_back; '0' for a claim or a transfer),
-- the owner's local day and daily limit ('' for none), whether to track it under its customer ('1'), the number of
-- cursors read then (key, version) pairs, the cursor scope, the number of moves then (key, position) pairs, the
-- epoch and version the caller's near-cache holds ('-' and '-' for a caller that keeps none), then the owner it must
-- be taken from ('' for none; given, as for a take-back or a transfer, the conversation must be that owner's, and
-- moves from it to this owner in this script, see take_owned, instead of being in no place). Checks everything
-- before it changes anything (but for dropping fairness-window entries that have expired), so a refusal leaves the
-- state as it was. Returns the outcome, then, for a caller with a near-cache, the changes since its version with the
-- scope's cursors (see changes), whether committed or refused.
local id, owner, channel, customer, data = ARGV[2], ARGV[3], ARGV[4], ARGV[5], ARGV[6]
local at, memory_ttl, from_queue, automatic = ARGV[7], ARGV[8], ARGV[9], ARGV[10] == '1'
local day, day_limit, tracked = ARGV[11], ARGV[12], ARGV[13]
local okey = owner_key(owner)
local reads = tonumber(ARGV[14])
local scope_at = 15 + 2 * reads
local since_at = scope_at + 2 + 2 * tonumber(ARGV[scope_at + 1])
local cursors = P .. 'cursors:' .. ARGV[scope_at]
local from_owner = ARGV[since_at + 2]
local function outcome(result)
  if ARGV[since_at + 1] == '-' then return {result} end
  return {result, changes(ARGV[since_at], ARGV[since_at + 1], ARGV[scope_at])}
end

local o = owner_fields(okey, channel)
if not o then return outcome('OWNER_GONE') end
local place = fields(KEYS[1])
local moved
if from_owner ~= '' then moved = place.owner ~= from_owner
else moved = place.owner or place.offered or (place.queue or '') ~= from_queue end
if moved or redis.call('EXISTS', P .. 'alias:' .. id) == 1 then
  return outcome('ALREADY_PLACED')
end
if not may_receive_work(o) then return outcome('OWNER_UNAVAILABLE') end
if not has_room(o) then return outcome('OWNER_FULL') end
if automatic and at_cap(okey, o, at) then return outcome('OWNER_AT_CAP') end
if automatic and (held_back(o, at, day, day_limit) or left_out(id, owner)) then
  return outcome('OWNER_HELD_BACK')
end
local read = {}
for i = 15, scope_at - 1, 2 do
  if tonumber(redis.call('HGET', cursors, 'v:' .. ARGV[i]) or 0) ~= tonumber(ARGV[i + 1]) then
    return outcome('CURSOR_MOVED')
  end
  read[ARGV[i]] = tonumber(ARGV[i + 1])
end

if from_owner ~= '' then
  take_owned(id, from_owner, '', 0)
  if from_owner == owner then o = owner_fields(okey, channel) end -- its room was just given back
end
if place.queue then unqueue(id, place) else track(customer, id, tracked) end
place_owned(id, owner, o, channel, customer, data, at, memory_ttl, day)
for i = scope_at + 2, scope_at + 1 + 2 * tonumber(ARGV[scope_at + 1]), 2 do
  local key = ARGV[i]
  if read[key] then redis.call('HSET', cursors, 'p:' .. key, ARGV[i + 1], 'v:' .. key, read[key] + 1)
  else
    redis.call('HSET', cursors, 'p:' .. key, ARGV[i + 1])
    redis.call('HINCRBY', cursors, 'v:' .. key, 1)
  end
end
return outcome('COMMITTED')
