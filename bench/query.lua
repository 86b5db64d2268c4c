-- wrk script: POST to AEGIS_PATH (default /api/v1/query) with one of 200 questions in turn, naming the model
-- AEGIS_MODEL when set; reports p50/p95/p99 and errors.
local path = os.getenv("AEGIS_PATH") or "/api/v1/query"
local model = os.getenv("AEGIS_MODEL")
if model == "" then model = nil end
local questions = {}
local words = {"retrieval", "vector", "index", "query", "chunk", "embedding", "graph", "entity", "memory", "cache",
               "latency", "metric", "liberty", "lucene", "qdrant", "redis", "prometheus", "budget", "fusion", "ranking"}
for i = 1, 200 do
  local a = words[(i % #words) + 1]
  local b = words[((i * 7) % #words) + 1]
  local c = words[((i * 13) % #words) + 1]
  local named = model and string.format(',"model":"%s"', model) or ""
  questions[i] = string.format('{"query":"How does the %s %s relate to %s? (%d)","top_k":5%s}', a, b, c, i, named)
end
local n = 0
request = function()
  n = n + 1
  return wrk.format("POST", path, {["Content-Type"] = "application/json"}, questions[(n % 200) + 1])
end
done = function(summary, latency, requests)
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.status + summary.errors.timeout
  local e = summary.errors
  io.write(string.format("RESULT requests=%d seconds=%.1f qps=%.1f p50_ms=%.2f p95_ms=%.2f p99_ms=%.2f errors=%d"
    .. " (connect %d, read %d, write %d, non-2xx %d, timeout %d)\n",
    summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000, errors,
    e.connect, e.read, e.write, e.status, e.timeout))
end
