-- Applies one io.llmgateway.ratelimit.RateLimitChange to the state under KEYS[1], atomically, and
-- writes the state back (with a time to live) only when it changed. It mirrors
-- RateLimitChange.applyTo and RateWindow line by line; RedisScriptParitySpec runs both on the same
-- random changes and compares the results.
--
-- ARGV[1] kind (RESERVE, RELEASE, USAGE, OBSERVE), ARGV[2] key time to live in ms, ARGV[3..14] the
-- change's twelve arguments (RateLimitChange.arguments(): -1 means absent).
-- Returns {applied (1 or 0), the state after the change in StateCodec's text form}.
-- Times are whole epoch milliseconds (exact in Lua's doubles until the year 287396).

local function window(limit, remaining, reset, carry)
  return { limit = limit, remaining = remaining, reset = reset, carry = carry }
end

local function decodeWindow(p, at, withCarry)
  local limit, remaining = tonumber(p[at]), tonumber(p[at + 1])
  local reset = nil
  if p[at + 2] ~= '-' then
    local s, n = tonumber(p[at + 2]), tonumber(p[at + 3])
    if s == nil or n == nil then return nil end
    reset = s * 1000 + math.floor(n / 1000000)
  end
  local carry = 0
  if withCarry then carry = tonumber(p[at + 4]) end
  if limit == nil or remaining == nil or carry == nil then return nil end
  return window(limit, remaining, reset, carry)
end

local function decode(text)
  if not text then return nil end
  local p = {}
  for part in string.gmatch(text, '%S+') do p[#p + 1] = part end
  local r, t
  if p[1] == 'v2' and #p == 11 then
    r, t = decodeWindow(p, 2, true), decodeWindow(p, 7, true)
  elseif p[1] == 'v1' and #p == 9 then
    r, t = decodeWindow(p, 2, false), decodeWindow(p, 6, false)
  end
  if r == nil or t == nil then return nil end
  return { r = r, t = t }
end

local function encodeWindow(w)
  local reset = '- -'
  if w.reset ~= nil then
    local s = math.floor(w.reset / 1000)
    reset = string.format('%d %d', s, (w.reset - s * 1000) * 1000000)
  end
  return string.format('%d %d %s %d', w.limit, w.remaining, reset, w.carry)
end

local function encode(s)
  return 'v2 ' .. encodeWindow(s.r) .. ' ' .. encodeWindow(s.t)
end

local function initial(limit)
  if limit < 0 then return window(-1, -1, nil, 0) end
  return window(limit, limit, nil, 0)
end

-- RateWindow.roll
local function roll(w, now, period)
  if w.reset == nil then
    if w.remaining < 0 then return w end
    return window(w.limit, w.remaining, math.floor(now / period) * period + period, w.carry)
  end
  if now < w.reset then return w end
  local periods = math.floor((now - w.reset) / period) + 1
  local fresh = w.limit
  if w.limit >= 0 and periods == 1 then fresh = math.max(0, w.limit - w.carry) end
  return window(w.limit, fresh, w.reset + periods * period, 0)
end

local function fits(w, n)
  return w.remaining < 0 or w.remaining >= n or (w.limit >= 0 and n > w.limit and w.remaining == w.limit)
end

local function nearEnd(w, now, margin)
  return w.remaining >= 0 and w.limit >= 0 and w.reset ~= nil and margin > 0 and now >= w.reset - margin
end

local function admits(w, n, now, margin)
  if not fits(w, n) then return false end
  if not nearEnd(w, now, margin) then return true end
  return w.carry + n <= w.limit or (n > w.limit and w.carry == 0)
end

local function takeAt(w, n, now, margin)
  if w.remaining < 0 then return w end
  local carry = w.carry
  if nearEnd(w, now, margin) then carry = carry + n end
  return window(w.limit, math.max(0, w.remaining - n), w.reset, carry)
end

local function take(w, n)
  if w.remaining < 0 then return w end
  return window(w.limit, math.max(0, w.remaining - n), w.reset, w.carry)
end

local function give(w, n)
  if w.remaining < 0 then return w end
  local r = w.remaining + n
  if w.limit >= 0 then r = math.min(w.limit, r) end
  return window(w.limit, r, w.reset, w.carry)
end

local function atMost(w, n)
  local capped = math.max(0, n)
  if w.remaining < 0 or w.remaining <= capped then return w end
  return window(w.limit, capped, w.reset, w.carry)
end

local function present(n)
  if n < 0 then return nil end
  return n
end

-- RateWindow.adopt
local function adopt(w, serverLimit, serverRemaining, serverReset, now, period)
  local limit = w.limit
  if serverLimit ~= nil then limit = serverLimit end
  local remaining = w.remaining
  if w.remaining < 0 and limit >= 0 then remaining = limit end
  if serverReset ~= nil and serverReset <= now then
    return roll(window(limit, remaining, w.reset, w.carry), now, period)
  end
  if serverRemaining ~= nil then
    if remaining < 0 then remaining = serverRemaining else remaining = math.min(remaining, serverRemaining) end
  end
  local reset = w.reset
  if serverReset ~= nil then reset = serverReset end
  return roll(window(limit, remaining, reset, w.carry), now, period)
end

local kind, ttl = ARGV[1], tonumber(ARGV[2])
local a = {}
for i = 3, 14 do a[#a + 1] = tonumber(ARGV[i]) end
local now, period = a[1], a[2]

local stored = redis.call('GET', KEYS[1])
local base = decode(stored)
if base == nil then base = { r = initial(a[3]), t = initial(a[4]) } end
local r, t = roll(base.r, now, period), roll(base.t, now, period)
local applied = 1

if kind == 'RESERVE' then
  local margin = math.max(0, a[6])
  if admits(r, 1, now, margin) and admits(t, a[5], now, margin) then
    r, t = takeAt(r, 1, now, margin), takeAt(t, a[5], now, margin)
  else
    applied = 0
  end
elseif kind == 'RELEASE' then
  if a[5] >= 0 and r.reset ~= nil and a[5] == r.reset then r = give(r, 1) end
  if a[6] >= 0 and t.reset ~= nil and a[6] == t.reset then t = give(t, a[7]) end
elseif kind == 'USAGE' then
  if a[6] > 0 then
    t = take(t, a[6])
  elseif a[6] < 0 and a[5] >= 0 and t.reset ~= nil and a[5] == t.reset then
    t = give(t, -a[6])
  end
elseif kind == 'OBSERVE' then
  local learnt = adopt(r, present(a[5]), present(a[6]), present(a[7]), now, period)
  if r.remaining < 0 and learnt.remaining >= 0 and learnt.limit >= 0 and learnt.reset ~= nil then
    learnt = atMost(learnt, learnt.limit - math.max(0, a[11]))
  end
  r = learnt
  t = adopt(t, present(a[8]), present(a[9]), present(a[10]), now, period)
else
  return redis.error_reply('unknown change ' .. tostring(kind))
end

local text = encode({ r = r, t = t })
if text ~= encode(base) then
  redis.call('SET', KEYS[1], text, 'PX', ttl)
end
return { applied, text }
