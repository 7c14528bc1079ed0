-- load_test.lua: wrk script that sends the benchmark queries (one a line in the file named by
-- the QUERIES environment variable) round-robin as GET /api/search?q=… with facets and snippets,
-- and checks every answer is 200. With ONLY_PATH set, every request is GET of that path instead
-- (load_test.sh times an empty exchange, /healthz, through the same client).
local queries = {}
local next_query = 1
local failures = 0

local function encode(text)
  return (text:gsub("[^%w%-%._~]", function(c) return string.format("%%%02X", string.byte(c)) end))
end

function init(args)
  if os.getenv("ONLY_PATH") then
    queries = { os.getenv("ONLY_PATH") }
    return
  end
  for line in io.lines(os.getenv("QUERIES")) do
    if line ~= "" then table.insert(queries, "/api/search?q=" .. encode(line)) end
  end
  -- Each connection starts at a different query so that they do not move in lockstep.
  next_query = math.random(#queries)
end

function request()
  local path = queries[next_query]
  next_query = next_query % #queries + 1
  return wrk.format("GET", path)
end

function response(status, headers, body)
  if status ~= 200 then failures = failures + 1 end
end

function done(summary, latency, requests)
  io.write(string.format("requests %d  errors %d  QPS %.0f  p50 %.2f ms  p90 %.2f ms  p99 %.2f ms  mean %.2f ms\n",
    summary.requests, summary.errors.status + summary.errors.connect + summary.errors.read
      + summary.errors.timeout, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000,
    latency.mean / 1000))
end
