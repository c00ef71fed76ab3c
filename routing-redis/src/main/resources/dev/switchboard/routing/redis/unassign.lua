-- Takes an owned conversation from its owner: KEYS[1] its place; ARGV: prefix, id, the owner it must be with (''
-- for whoever owns it), when it ended (epoch ms; '' when it did not end, as in a transfer), how far back the owner's
-- releases are kept (ms). An ended conversation counts as the owner's release: its last release, its wrap-up and
-- its recent releases. Returns the owner and the conversation's data, or an empty list (and nothing changed) when
-- it was not owned there.
local id, expected, at, keep = ARGV[2], ARGV[3], ARGV[4], tonumber(ARGV[5])
local place = fields(KEYS[1])
if not place.owner or (expected ~= '' and place.owner ~= expected) then return {} end
local okey = owner_key(place.owner)
redis.call('DEL', KEYS[1])
give_back_room(okey, id, place.channel)
untrack(place.customer, id)
redis.call('ZREM', P .. 'deadlines', id)
if at ~= '' then
  local t = tonumber(at)
  local h = redis.call('HMGET', okey, 'released', 'wrap', 'wrapuntil')
  local last = math.max(tonumber(h[1] or at), t)
  redis.call('HSET', okey, 'released', last)
  if not h[3] or t + tonumber(h[2] or 0) > tonumber(h[3]) then
    redis.call('HSET', okey, 'wrapuntil', t + tonumber(h[2] or 0))
  end
  if keep == 0 then redis.call('DEL', okey .. ':done')
  else
    redis.call('ZADD', okey .. ':done', t, redis.call('INCR', P .. 'seq'))
    redis.call('ZREMRANGEBYSCORE', okey .. ':done', '-inf', '(' .. (last - keep))
  end
end
return {place.owner, place.data}
