-- wrk script for bench/clicks.py: each request is a new visitor (its own address
-- in X-Forwarded-For, read with TRUSTED_PROXY_COUNT=1) on one of the aliases.
-- Arguments: the aliases, comma-separated. Prints one JSON line when done.
local threads = {}

function setup(thread)
  thread:set("number", #threads)
  table.insert(threads, thread)
end

function init(args)
  aliases = {}
  for alias in string.gmatch(args[1] or "a", "[^,]+") do
    table.insert(aliases, "/" .. alias)
  end
  issued = 0
  base = tonumber(number) * 4000000 + tonumber(args[2] or "0") * 16000000
end

local agent = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 "
  .. "(KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36"

function request()
  issued = issued + 1
  local n = base + issued
  local address = string.format("%d.%d.%d.%d", 11 + math.floor(n / 16777216) % 180,
    math.floor(n / 65536) % 256, math.floor(n / 256) % 256, n % 256)
  local path = aliases[(issued % #aliases) + 1]
  return wrk.format("GET", path, {
    ["X-Forwarded-For"] = address,
    ["User-Agent"] = agent,
    ["Accept-Language"] = "en-US,en;q=0.9",
  })
end

function done(summary, latency, requests)
  local total = 0
  for _, thread in ipairs(threads) do
    total = total + thread:get("issued")
  end
  local errors = summary.errors
  io.write(string.format(
    '\n{"requests": %d, "issued": %d, "duration_us": %d, "p50_us": %d, ' ..
    '"p90_us": %d, "p99_us": %d, "max_us": %d, "connect_errors": %d, ' ..
    '"read_errors": %d, "write_errors": %d, "status_errors": %d, "timeouts": %d}\n',
    summary.requests, total, summary.duration, latency:percentile(50),
    latency:percentile(90), latency:percentile(99), latency.max, errors.connect,
    errors.read, errors.write, errors.status, errors.timeout))
end
