-- wrk script: each request redeems a distinct entitlement with a distinct Idempotency-Key.
-- Usage: wrk -t T -s redeem.lua URL -- targets.csv "panah.session=…" T; counts answers by status (a 409 means the targets ran out).
local threads = {}
local next_id = 0

function setup(thread)
    thread:set("id", next_id)
    table.insert(threads, thread)
    next_id = next_id + 1
end

function init(args)
    local total = tonumber(args[3])
    targets = {}
    local i = 0
    for line in io.lines(args[1]) do
        if i % total == id then
            table.insert(targets, line)
        end
        i = i + 1
    end
    cookie = args[2]
    -- Keys unique across runs too: the warm-up run and the measured one must not share a key.
    run = tostring(os.time()) .. "-" .. tostring(math.random(1000000))
    n = 0
    statuses = {}
end

function request()
    n = n + 1
    local line = targets[((n - 1) % #targets) + 1]
    local e, p, l = line:match("([^,]+),([^,]+),([^,]+)")
    local body = string.format('{"entitlementId":"%s","collectedBy":"%s","locationId":%s}', e, p, l)
    return wrk.format("POST", "/api/v1/food/redemptions",
        { ["Content-Type"] = "application/json", ["Cookie"] = cookie, ["Idempotency-Key"] = "bench-" .. run .. "-" .. id .. "-" .. n }, body)
end

function response(status, headers, body)
    local code = status
    if status >= 400 then
        -- A refusal names its reason: count them apart (e.g. "422 Redemption.OutOfStock").
        code = status .. " " .. (body:match('"code":"([^"]+)"') or body:match('"title":"([^"]+)"') or "")
    end
    statuses[code] = (statuses[code] or 0) + 1
end

function done(summary, latency, requests)
    local totals = {}
    for _, t in ipairs(threads) do
        for s, c in pairs(t:get("statuses")) do
            totals[s] = (totals[s] or 0) + c
        end
    end
    for s, c in pairs(totals) do
        io.write(string.format("status %s: %d\n", s, c))
    end
end
