-- wrk's --latency prints 50/75/90/99 %; this adds 95 % and the error counts, in one line of
-- JSON (microseconds) that bench/county-page.ts reads after wrk's own report.
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    'XW_SUMMARY {"requests":%d,"durationUs":%d,"bytes":%d,"p50":%d,"p75":%d,"p90":%d,' ..
    '"p95":%d,"p99":%d,"max":%d,"mean":%.1f,"stdev":%.1f,"errors":{"connect":%d,' ..
    '"read":%d,"write":%d,"status":%d,"timeout":%d}}\n',
    summary.requests, summary.duration, summary.bytes,
    latency:percentile(50), latency:percentile(75), latency:percentile(90),
    latency:percentile(95), latency:percentile(99), latency.max, latency.mean, latency.stdev,
    e.connect, e.read, e.write, e.status, e.timeout))
end
