-- The tenant's whole live state, at one moment (one script: no writer can tear it): KEYS[1] the roster; ARGV:
-- prefix. Returns the next roster position, the owners (id, position, hash flat, conversations in assignment order,
-- recent releases and fairness-window entries as member, score pairs), the open conversations (id, place flat,
-- owners offered to) of the owners and of the waiting order, then, each found by a scan of its keys: the cursors
-- (scope, hash flat), customer memory (customer, last owner, ms left, primary hash flat), linked identities (customer,
-- first seen, members), aliases (id, names), response deadlines (id, deadline pairs), lapses and passed over (id,
-- owners).
local function scan(pattern, each)
  local found, cursor = {}, '0'
  repeat
    local page = redis.call('SCAN', cursor, 'MATCH', P .. pattern, 'COUNT', 1000)
    cursor = page[1]
    for _, key in ipairs(page[2]) do table.insert(found, each(key, string.sub(key, #P + #pattern))) end
  until cursor == '0'
  return found
end
local owners, open, seen = {}, {}, {}
local function add_open(id)
  if seen[id] then return end
  seen[id] = true
  table.insert(open, {id, redis.call('HGETALL', conv_key(id)), redis.call('LRANGE', P .. 'offer:' .. id, 0, -1)})
end
local roster = redis.call('ZRANGE', KEYS[1], 0, -1, 'WITHSCORES')
for i = 1, #roster, 2 do
  local okey = owner_key(roster[i])
  local convs = redis.call('ZRANGE', okey .. ':convs', 0, -1)
  for _, id in ipairs(convs) do add_open(id) end
  table.insert(owners, {roster[i], roster[i + 1], redis.call('HGETALL', okey), convs,
    redis.call('ZRANGE', okey .. ':done', 0, -1, 'WITHSCORES'), redis.call('ZRANGE', okey .. ':cap', 0, -1, 'WITHSCORES')})
end
local waiting = {}
for _, member in ipairs(redis.call('ZRANGE', P .. 'waiting', 0, -1)) do
  local id = string.sub(member, 22)
  table.insert(waiting, id)
  add_open(id)
end
return {redis.call('GET', P .. 'positions') or '0', owners, open, waiting,
  scan('cursors:*', function(key, scope) return {scope, redis.call('HGETALL', key)} end),
  scan('memory:*', function(key, customer)
    return {customer, redis.call('GET', key), redis.call('PTTL', key), redis.call('HGETALL', P .. 'primary:' .. customer)}
  end),
  scan('members:*', function(key, customer)
    return {customer, redis.call('HGET', P .. 'identity:' .. customer, 'seen') or '0', redis.call('SMEMBERS', key)}
  end),
  scan('aliases:*', function(key, id) return {id, redis.call('SMEMBERS', key)} end),
  redis.call('ZRANGE', P .. 'deadlines', 0, -1, 'WITHSCORES'),
  scan('lapses:*', function(key, id) return {id, redis.call('LRANGE', key, 0, -1)} end),
  scan('passed:*', function(key, id) return {id, redis.call('SMEMBERS', key)} end)}
