-- SPDX-License-Identifier: GPL-3.0-or-later
-- wrk script for bench/sandbox-throughput.sh: every request completes a fresh job of
-- `jobdesk-sandbox --generate N` (keys (1<<51)+1+i), so each answer is a real 204 completion.
-- Each wrk thread takes its own slice of keys; counters advance per request.
local base = 2251799813685249
local slice = tonumber(os.getenv("JOBDESK_BENCH_SLICE") or "250000")
local offset = tonumber(os.getenv("JOBDESK_BENCH_OFFSET") or "0")
local threadCount = 0

function setup(thread)
  thread:set("index", threadCount)
  threadCount = threadCount + 1
end

function init(args)
  counter = 0
  first = base + offset + index * slice
  wrk.method = "POST"
  wrk.headers["Content-Type"] = "application/json"
  wrk.body = '{"variables":{"approved":true,"note":"benchmark"}}'
end

function request()
  local key = first + counter
  counter = counter + 1
  return wrk.format(nil, string.format("/v2/jobs/%d/completion", key))
end

function response(status, headers, body)
  if status ~= 204 then
    unexpected = (unexpected or 0) + 1
  end
end

function done(summary, latency, requests)
  local non2xx = summary.errors.status
  io.write(string.format("completions/s: %.0f  (requests %d, non-2xx %d, socket errors %d)\n",
    summary.requests / (summary.duration / 1e6), summary.requests, non2xx,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
