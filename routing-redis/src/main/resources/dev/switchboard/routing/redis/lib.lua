-- Shared by every script (prepended to each): the tenant's key prefix is ARGV[1], "<prefix>:{<tenant>}:", so
-- every key a script touches carries the tenant's hash tag and sits in one Cluster slot.
local P = ARGV[1]

local function owner_key(owner) return P .. 'owner:' .. owner end
local function conv_key(id) return P .. 'conv:' .. id end

-- The customer an identity belongs to: the root of its linked identities, or the identity itself.
local function customer_of(identity)
  return redis.call('HGET', P .. 'identity:' .. identity, 'root') or identity
end

-- Room left for one more conversation on a channel: under the total and under the channel's own limit.
local function has_room(okey, channel)
  local h = redis.call('HMGET', okey, 'total', 'load', 'limit:' .. channel, 'load:' .. channel)
  local total, load = tonumber(h[1]), tonumber(h[2] or 0)
  local limit, on_channel = tonumber(h[3] or h[1]), tonumber(h[4] or 0)
  return load < total and on_channel < math.min(limit, total)
end

local function may_receive_work(okey)
  local presence = redis.call('HGET', okey, 'presence')
  return presence == 'ONLINE' or presence == 'BUSY'
end

-- Takes a waiting conversation out of its queue, the all-queues order and the timers (its SLA breach).
local function unqueue(id, h)
  redis.call('ZREM', P .. 'queue:' .. h.queue, h.member)
  redis.call('ZREM', P .. 'waiting', h.member)
  redis.call('ZREM', P .. 'timers', 'SLA_BREACH:' .. id)
  redis.call('DEL', conv_key(id))
end

-- Places a conversation with an owner: its place, the owner's load (total, channel, max seen), the owner's
-- conversations in assignment order, the customer's memory of this owner for memory_ttl milliseconds, and, for an
-- owner with a fairness cap, its window of recent assignments (which expires with the window).
local function place_owned(id, owner, channel, customer, data, at, memory_ttl)
  local okey = owner_key(owner)
  redis.call('HSET', conv_key(id), 'owner', owner, 'channel', channel, 'customer', customer, 'data', data)
  local load = redis.call('HINCRBY', okey, 'load', 1)
  redis.call('HINCRBY', okey, 'load:' .. channel, 1)
  if load > tonumber(redis.call('HGET', okey, 'maxload') or 0) then
    redis.call('HSET', okey, 'maxload', load)
  end
  redis.call('HSET', okey, 'last', at)
  redis.call('ZADD', okey .. ':convs', redis.call('INCR', P .. 'seq'), id)
  redis.call('SET', P .. 'memory:' .. customer_of(customer), owner, 'PX', memory_ttl)
  local cap = redis.call('HMGET', okey, 'cap', 'window')
  if cap[1] then
    redis.call('ZADD', okey .. ':cap', at, id .. '@' .. at)
    redis.call('PEXPIRE', okey .. ':cap', cap[2])
  end
end

-- Whether an owner with a fairness cap received its limit of conversations in the window (at - window, at].
local function at_cap(okey, at)
  local cap = redis.call('HMGET', okey, 'cap', 'window')
  if not cap[1] then return false end
  redis.call('ZREMRANGEBYSCORE', okey .. ':cap', '-inf', tonumber(at) - tonumber(cap[2]))
  return redis.call('ZCARD', okey .. ':cap') >= tonumber(cap[1])
end

-- A hash's fields as a Lua table.
local function fields(key)
  local flat = redis.call('HGETALL', key)
  local h = {}
  for i = 1, #flat, 2 do h[flat[i]] = flat[i + 1] end
  return h
end
