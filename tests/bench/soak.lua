-- soak.lua: wrk script for the soak (soak.sh): sends the request paths of the file named by
-- PATHS round-robin (each connection from its own place), and counts 5xx answers.
local paths = {}
local next_path = 1
server_errors = 0
local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  for line in io.lines(os.getenv("PATHS")) do
    if line ~= "" then table.insert(paths, line) end
  end
  next_path = math.random(#paths)
end

function request()
  local path = paths[next_path]
  next_path = next_path % #paths + 1
  return wrk.format("GET", path)
end

function response(status, headers, body)
  if status >= 500 then server_errors = server_errors + 1 end
end

function done(summary, latency, requests)
  local errors = 0
  for _, thread in ipairs(threads) do errors = errors + thread:get("server_errors") end
  io.write(string.format("searches %d  5xx %d  other-errors %d  QPS %.1f  p50 %.1f ms  p99 %.1f ms\n",
    summary.requests, errors,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000,
    latency:percentile(99) / 1000))
end
