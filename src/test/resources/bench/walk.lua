-- wrk script for the benchmark's record pages: the paths are a file's lines, walked in order from an offset,
-- each of wrk's threads taking every n-th of them, so that no two requests of a run ask the same path.
-- Arguments after --: the paths file, the number of wrk threads, the offset.
local threads = {}
function setup(thread)
  thread:set("id", #threads)
  table.insert(threads, thread)
end

function init(args)
  paths = {}
  for line in io.lines(args[1]) do paths[#paths + 1] = line end
  stride = tonumber(args[2])
  offset = tonumber(args[3])
  sent = 0
end

function request()
  local i = offset + sent * stride + id
  sent = sent + 1
  return wrk.format("GET", paths[(i % #paths) + 1])
end

-- "walked": the most requests one thread sent, answered or not, so the next run can start past them all.
function done(summary, latency, requests)
  local e = summary.errors
  local walked = 0
  for _, t in ipairs(threads) do walked = math.max(walked, t:get("sent")) end
  io.write(string.format("WALK requests=%d walked=%d bytes=%d micros=%d status=%d socket=%d p50=%d p90=%d p99=%d\n",
    summary.requests, walked * #threads, summary.bytes, summary.duration, e.status, e.connect + e.read + e.write + e.timeout,
    latency:percentile(50), latency:percentile(90), latency:percentile(99)))
end
