-- RateLimitStore.compareAndSet on Redis: KEYS[1] is set to ARGV[2] (with a time to live of ARGV[3]
-- ms) if it still holds ARGV[1] ('' for absent). Returns 1 when it did.
local current = redis.call('GET', KEYS[1])
if (current == false and ARGV[1] == '') or current == ARGV[1] then
  redis.call('SET', KEYS[1], ARGV[2], 'PX', ARGV[3])
  return 1
end
return 0
