/**
 * The Lua script behind every Redis take and give-back (rate-limiter-flexible's
 * `customIncrTtlLuaScript`). The library calls it with KEYS[1] = the counter and
 * ARGV = [change, window seconds, capacity, window seconds] and reads back {consumed, pttl}; it
 * rejects when `consumed > capacity`.
 *
 * Unlike the library's default script, a positive change that would go over capacity is NOT
 * written: the script reports `current + change` (so the library rejects) and leaves the counter
 * as it was. Check and add happen in one atomic step in the Redis server, so any number of gateway
 * processes sharing the Redis never grant more than the capacity, and a rejected request does not
 * eat the quota of the next one. A negative change (a give-back) never takes the counter below zero
 * and never creates a counter whose window has ended.
 */
export const conditionalTakeScript = `
local change = tonumber(ARGV[1])
local window = tonumber(ARGV[2])
local capacity = tonumber(ARGV[3])
local current = tonumber(redis.call('get', KEYS[1]) or '0')
local ttl = redis.call('pttl', KEYS[1])
if change < 0 then
  if ttl == -2 then return {0, 1000 * window} end
  if current + change < 0 then change = -current end
  local left = redis.call('incrby', KEYS[1], change)
  return {left, ttl}
end
if current + change > capacity then
  if ttl < 0 then ttl = 1000 * window end
  return {current + change, ttl}
end
redis.call('set', KEYS[1], 0, 'EX', window, 'NX')
local consumed = redis.call('incrby', KEYS[1], change)
ttl = redis.call('pttl', KEYS[1])
if ttl == -1 then
  redis.call('expire', KEYS[1], window)
  ttl = 1000 * window
end
return {consumed, ttl}
`;
