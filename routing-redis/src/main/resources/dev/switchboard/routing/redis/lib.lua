-- Shared by every script (prepended to each): the tenant's key prefix is ARGV[1], "<prefix>:{<tenant>}:", so
-- every key a script touches carries the tenant's hash tag and sits in one Cluster slot.
local P = ARGV[1]

local function owner_key(owner) return P .. 'owner:' .. owner end
local function owner_of(okey) return string.sub(okey, #P + 7) end
local function conv_key(id) return P .. 'conv:' .. id end

-- The tenant's version ('version' hash: 'v', and 'epoch', set when the tenant's first version is made), raised by
-- every change an instance's near-cache holds, so that the cache reads only what changed since the version it holds
-- (see changes). This script remembers the version before its first raise, and the owners it touched: when a caller's
-- cache held that version, what changed since is what this script changed, and changes lists it without a search.
local version_before, touched, touched_list, untracked = nil, {}, {}, false
local function raise_version()
  local v = redis.call('HINCRBY', P .. 'version', 'v', 1)
  if v == 1 then redis.call('HSET', P .. 'version', 'epoch', table.concat(redis.call('TIME'), '.')) end
  version_before = version_before or v - 1
  return v
end

-- A new version for a change that is neither an owner's (touch) nor the left-out owners' (touch_left_out).
local function next_version()
  untracked = true
  return raise_version()
end

-- An owner's state changed: 'changed' notes it with the version of its latest change.
local function touch(owner)
  redis.call('ZADD', P .. 'changed', raise_version(), owner)
  if not touched[owner] then
    touched[owner] = true
    table.insert(touched_list, owner)
  end
end

-- The owners left out of conversation `id` changed; 'leftout' holds the conversations that may have any (until
-- `kept` is false), and the version hash's 'leftout' the version of the latest change to any of them.
local function touch_left_out(id, kept)
  redis.call('HSET', P .. 'version', 'leftout', raise_version())
  if kept then redis.call('SADD', P .. 'leftout', id) else redis.call('SREM', P .. 'leftout', id) end
end

-- The customer an identity belongs to: the root of its linked identities, or the identity itself.
local function customer_of(identity)
  return redis.call('HGET', P .. 'identity:' .. identity, 'root') or identity
end

-- What deciding reads of an owner for a conversation on `channel`, in one read: its presence, its room (total and
-- load, the channel's limit and load, the max load seen), its fairness cap and window, its wrap-up and its daily
-- count. Nil when the owner is not on the roster (every owner's hash has its total).
local function owner_fields(okey, channel)
  local h = redis.call('HMGET', okey, 'presence', 'total', 'load', 'limit:' .. channel, 'load:' .. channel,
    'maxload', 'cap', 'window', 'wrapuntil', 'capday', 'capcount')
  if not h[2] then return nil end
  return {presence = h[1], total = tonumber(h[2]), load = tonumber(h[3] or 0), limit = tonumber(h[4] or h[2]),
    on_channel = tonumber(h[5] or 0), maxload = tonumber(h[6] or 0), cap = h[7], window = h[8],
    wrapuntil = h[9], capday = h[10], capcount = h[11]}
end

-- Room left for one more conversation on the channel read (see owner_fields): under the total and under the
-- channel's own limit.
local function has_room(o)
  return o.load < o.total and o.on_channel < math.min(o.limit, o.total)
end

local function may_receive_work(o)
  return o.presence == 'ONLINE' or o.presence == 'BUSY'
end

-- Takes a waiting conversation out of its queue, the all-queues order and the timers (its SLA breach).
local function unqueue(id, h)
  redis.call('ZREM', P .. 'queue:' .. h.queue, h.member)
  redis.call('ZREM', P .. 'waiting', h.member)
  redis.call('ZREM', P .. 'timers', 'SLA_BREACH:' .. id)
  redis.call('DEL', conv_key(id))
end

-- Takes an owner's room for a conversation given at `at` on the channel its fields `o` were read for (see
-- owner_fields): its load (total, channel, max seen), its last assignment, its conversations in assignment order, its
-- latest assignments, as many as its fairness cap counts, and, when `day` is given (the owner's local date, for its
-- daily cap), its count of the day.
local function take_room(okey, o, id, channel, at, day)
  touch(owner_of(okey))
  local load = o.load + 1
  local set = {'load', load, 'load:' .. channel, o.on_channel + 1, 'last', at, 'maxload', math.max(load, o.maxload)}
  if day and day ~= '' then
    local count = o.capday == day and tonumber(o.capcount or 0) + 1 or 1
    table.insert(set, 'capday'); table.insert(set, day); table.insert(set, 'capcount'); table.insert(set, count)
  end
  redis.call('HSET', okey, unpack(set))
  redis.call('ZADD', okey .. ':convs', redis.call('INCR', P .. 'seq'), id)
  if o.cap then
    redis.call('ZADD', okey .. ':cap', at, id .. '@' .. at)
    redis.call('ZREMRANGEBYRANK', okey .. ':cap', 0, -tonumber(o.cap) - 1)
  end
end

-- Gives an owner's room for a conversation back (the conversation left it).
local function give_back_room(okey, id, channel)
  touch(owner_of(okey))
  redis.call('HINCRBY', okey, 'load', -1)
  redis.call('HINCRBY', okey, 'load:' .. channel, -1)
  redis.call('ZREM', okey .. ':convs', id)
end

-- Remembers that a customer was served by an owner for ttl milliseconds: its last owner (memory:<customer>), and
-- its primary owner with how many conversations in a row the last one served (primary:<customer>). The first owner
-- is the primary; another owner becomes primary once it served the customer twice in a row.
local function remember(customer, owner, ttl)
  local root = customer_of(customer)
  local mkey, pkey = P .. 'memory:' .. root, P .. 'primary:' .. root
  local last = redis.call('GET', mkey)
  local kept = redis.call('HMGET', pkey, 'owner', 'streak')
  local primary, streak = kept[1] or owner, 1
  if last == owner then streak = tonumber(kept[2] or 1) + 1 end
  if not last or streak >= 2 then primary = owner end
  redis.call('SET', mkey, owner, 'PX', ttl)
  redis.call('HSET', pkey, 'owner', primary, 'streak', streak)
  redis.call('PEXPIRE', pkey, ttl)
end

-- Places a conversation with an owner whose fields `o` were read for its channel: its place, the owner's room (see
-- take_room), and the customer's memory of this owner for memory_ttl milliseconds.
local function place_owned(id, owner, o, channel, customer, data, at, memory_ttl, day)
  redis.call('HSET', conv_key(id), 'owner', owner, 'channel', channel, 'customer', customer, 'data', data)
  take_room(owner_key(owner), o, id, channel, at, day)
  remember(customer, owner, memory_ttl)
end

-- Whether an owner (its fields `o`) with a fairness cap received its limit of conversations in the window
-- (at - window, at]: its latest assignments (as many as the cap counts) are all in it.
local function at_cap(okey, o, at)
  if not o.cap then return false end
  return redis.call('ZCOUNT', okey .. ':cap', '(' .. (tonumber(at) - tonumber(o.window)), '+inf') >= tonumber(o.cap)
end

-- A hash's fields as a Lua table.
local function fields(key)
  local flat = redis.call('HGETALL', key)
  local h = {}
  for i = 1, #flat, 2 do h[flat[i]] = flat[i + 1] end
  return h
end

-- Whether the store holds an owner (its fields `o`) back from automatic assignment at `at`, presence, room and
-- fairness cap aside: wrapping up, or at its daily cap on its local `day` (a limit of '' for none).
local function held_back(o, at, day, day_limit)
  if o.wrapuntil and tonumber(o.wrapuntil) > tonumber(at) then return true end
  return day_limit ~= '' and o.capday == day and tonumber(o.capcount) >= tonumber(day_limit)
end

-- Whether an owner is left out of conversation `id`: it let the response deadline lapse, or was passed over (only
-- conversations in 'leftout' may have any, see touch_left_out).
local function left_out(id, owner)
  if redis.call('SISMEMBER', P .. 'leftout', id) == 0 then return false end
  if redis.call('SISMEMBER', P .. 'passed:' .. id, owner) == 1 then return true end
  return redis.call('LPOS', P .. 'lapses:' .. id, owner) ~= false
end

-- The placed conversations of a customer are kept (when the router asks for it) under its customer.
local function track(customer, id, on)
  if on ~= '1' then return end
  redis.call('SADD', P .. 'placed:' .. customer_of(customer), id)
end

local function untrack(customer, id)
  redis.call('SREM', P .. 'placed:' .. customer_of(customer), id)
end

-- One owner as the live state reads it: id, roster position, its hash's fields flat (but its definition, read
-- apart), its conversations in assignment order (none unless `with_conversations`), its recent releases and its
-- latest assignments that its fairness cap counts (each epoch ms, oldest first).
local function owner_state(owner, position, with_conversations)
  local okey = owner_key(owner)
  local flat, kept, has_cap = redis.call('HGETALL', okey), {}, false
  for j = 1, #flat, 2 do
    if flat[j] ~= 'def' then table.insert(kept, flat[j]); table.insert(kept, flat[j + 1]) end
    if flat[j] == 'cap' then has_cap = true end
  end
  local function scores(key)
    local list, flat_scores = {}, redis.call('ZRANGE', key, 0, -1, 'WITHSCORES')
    for j = 2, #flat_scores, 2 do table.insert(list, flat_scores[j]) end
    return list
  end
  local conversations = with_conversations and redis.call('ZRANGE', okey .. ':convs', 0, -1) or {}
  return {owner, position, kept, conversations, scores(okey .. ':done'), has_cap and scores(okey .. ':cap') or {}}
end

-- Every owner on the roster (or only `only`, when not '': looked up by its score, not found in the whole roster), in
-- roster order (see owner_state).
local function owner_states(only, with_conversations)
  local states = {}
  if only ~= '' then
    local position = redis.call('ZSCORE', P .. 'owners', only)
    if position then table.insert(states, owner_state(only, position, with_conversations)) end
    return states
  end
  local roster = redis.call('ZRANGE', P .. 'owners', 0, -1, 'WITHSCORES')
  for i = 1, #roster, 2 do
    table.insert(states, owner_state(roster[i], roster[i + 1], with_conversations))
  end
  return states
end

-- What changed since an instance's near-cache read the tenant at version `since` of `epoch` ('' for a cache that
-- holds nothing): the tenant's epoch and version now, whether this is the whole roster ('1': the cache was empty, of
-- another epoch, or ahead of the tenant), the owners changed since (see owner_state, without conversations), those
-- gone from the roster, the cursors of `scope` flat (none for ''), and whether the owners left out of conversations
-- changed since ('1'), then, if so, each conversation that may have any (id, lapsed owners, passed over owners).
local function changes(epoch, since, scope)
  local version = redis.call('HMGET', P .. 'version', 'epoch', 'v', 'leftout')
  local now_epoch, now = version[1] or '', tonumber(version[2] or 0)
  local whole = since == '' or epoch ~= now_epoch or tonumber(since) > now
  local left_out_changed = whole or tonumber(version[3] or 0) > tonumber(since)
  local left_out = {}
  if left_out_changed then
    for _, id in ipairs(redis.call('SMEMBERS', P .. 'leftout')) do
      table.insert(left_out, {id, redis.call('LRANGE', P .. 'lapses:' .. id, 0, -1),
        redis.call('SMEMBERS', P .. 'passed:' .. id)})
    end
  end
  local ids
  if whole then ids = redis.call('ZRANGE', P .. 'owners', 0, -1)
  elseif not untracked and version_before and tonumber(since) == version_before then ids = touched_list
  else ids = redis.call('ZRANGEBYSCORE', P .. 'changed', '(' .. since, '+inf') end
  local states, gone = {}, {}
  for _, owner in ipairs(ids) do
    local position = redis.call('ZSCORE', P .. 'owners', owner)
    if position then table.insert(states, owner_state(owner, position, false))
    else table.insert(gone, owner) end
  end
  local cursors = scope == '' and {} or redis.call('HGETALL', P .. 'cursors:' .. scope)
  return {now_epoch, tostring(now), whole and '1' or '0', states, gone, cursors, left_out_changed and '1' or '0',
    left_out}
end

-- Starts a member of sorted set `key` (the timers, the deadlines) due at `due` (epoch ms), or moves it: a lease on it
-- ends (see claim_due), as it is due anew.
local function schedule(key, member, due)
  redis.call('ZADD', key, due, member)
  redis.call('ZREM', key .. ':leased', member)
end

-- Hands this caller the members of sorted set `key` due by `now` (epoch ms; scores at or before it, earliest first,
-- at most `limit`, or all for 0) that no other caller holds: each is leased to this caller for `lease` ms in `key`:leased, so that
-- another caller is handed it only once the lease ran out, as when its claimer died before it settled it. Settling a
-- member takes it out of `key` (or moves it there); a lease left behind runs out on its own. Returns member, due pairs.
local function claim_due(key, now, lease, limit)
  local leases = key .. ':leased'
  redis.call('ZREMRANGEBYSCORE', leases, '-inf', now)
  local due = limit == 0 and redis.call('ZRANGEBYSCORE', key, '-inf', now, 'WITHSCORES')
      or redis.call('ZRANGEBYSCORE', key, '-inf', now, 'WITHSCORES', 'LIMIT', 0, limit + redis.call('ZCARD', leases))
  local claimed = {}
  for i = 1, #due, 2 do
    if limit > 0 and #claimed == 2 * limit then break end
    if not redis.call('ZSCORE', leases, due[i]) then
      redis.call('ZADD', leases, tonumber(now) + tonumber(lease), due[i])
      table.insert(claimed, due[i])
      table.insert(claimed, due[i + 1])
    end
  end
  return claimed
end

-- Takes an owned conversation from its owner (`expected`, or whoever owns it when ''): its place, the owner's room,
-- its customer's tracking and its response deadline. When it ended at `at` (epoch ms; '' when it did not end, as in
-- a transfer) it counts as the owner's release: its last release, its wrap-up and its recent releases, kept `keep`
-- ms back. Returns its place's fields, or nil (and nothing changed) when it was not owned there.
local function take_owned(id, expected, at, keep)
  local place = fields(conv_key(id))
  if not place.owner or (expected ~= '' and place.owner ~= expected) then return nil end
  local okey = owner_key(place.owner)
  redis.call('DEL', conv_key(id))
  untrack(place.customer, id)
  redis.call('ZREM', P .. 'deadlines', id)
  if at == '' then give_back_room(okey, id, place.channel)
  else -- the room given back and the release counted in one read and one write of the owner's hash
    touch(place.owner)
    redis.call('ZREM', okey .. ':convs', id)
    local t = tonumber(at)
    local h = redis.call('HMGET', okey, 'released', 'wrap', 'wrapuntil', 'load', 'load:' .. place.channel)
    local last = math.max(tonumber(h[1] or at), t)
    local set = {'released', last, 'load', tonumber(h[4] or 0) - 1, 'load:' .. place.channel, tonumber(h[5] or 0) - 1}
    if not h[3] or t + tonumber(h[2] or 0) > tonumber(h[3]) then
      table.insert(set, 'wrapuntil'); table.insert(set, t + tonumber(h[2] or 0))
    end
    redis.call('HSET', okey, unpack(set))
    if keep == 0 then redis.call('DEL', okey .. ':done')
    else
      redis.call('ZADD', okey .. ':done', t, redis.call('INCR', P .. 'seq'))
      redis.call('ZREMRANGEBYSCORE', okey .. ':done', '-inf', '(' .. (last - keep))
    end
  end
  return place
end
