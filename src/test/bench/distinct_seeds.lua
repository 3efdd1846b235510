-- wrk script: the default chart request with a different seed on every request, so no answer
-- comes from the cache. Each thread counts in its own range of seeds.
-- wrk -t2 -c16 -d10s --latency -s src/test/bench/distinct_seeds.lua http://127.0.0.1:PORT
local threads = {}

function setup(thread)
  thread:set("id", #threads)
  table.insert(threads, thread)
end

function init(args)
  seed = id * 1000000000
  query = args[1] or "model=rnn&steps=100&hidden=16&activation=tanh"
end

function request()
  seed = seed + 1
  return wrk.format("GET", "/api/v1/gradients?" .. query .. "&seed=" .. seed)
end
