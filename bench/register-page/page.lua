-- GET the register page with the teacher's session cookie; prints p95 (wrk prints 50/75/90/99 only).
local cookie
function init(args) cookie = args[1] end
function request() return wrk.format("GET", nil, { ["Cookie"] = cookie, ["Accept-Encoding"] = "gzip, br" }) end
function response(status) if status ~= 200 then io.stderr:write("status " .. status .. "\n") end end
function done(summary, latency)
  io.write(string.format("p95: %.2f ms, p50: %.2f ms, requests: %d, non-2xx: %d\n",
    latency:percentile(95) / 1000, latency:percentile(50) / 1000, summary.requests, summary.errors.status))
end
