#!/usr/bin/env bash
# Redemptions per second and latency through the HTTP API on PostgreSQL, side by side with the trivial /healthz/live (no database) and /healthz (two queries),
# with wrk. Builds nothing: run after `dotnet build src/Panah.Web -c Release` (or set PANAH_WEB_DLL to a copy of its output).
# Usage: bench/redeem-load/run.sh [households=5000] [cycles=4] [seconds=20] [connections=32] [threads=2]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
households=${1:-5000}; cycles=${2:-4}; seconds=${3:-20}; connections=${4:-32}; threads=${5:-2}
work=$(mktemp -d /tmp/redeem-bench.XXXX); # Below the ephemeral range (32768+), where outgoing connections would already hold a port.
port=$((20000 + RANDOM % 6000)); web=$((26000 + RANDOM % 6000))
bin=/usr/lib/postgresql/15/bin
chown postgres:postgres "$work"
runuser -u postgres -- "$bin/initdb" -D "$work/pg" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
runuser -u postgres -- "$bin/pg_ctl" -D "$work/pg" -l "$work/pg.log" -w -o "-p $port -k $work -c listen_addresses=127.0.0.1 -c max_connections=200" start >/dev/null
# A function body in braces, not a subshell: `app &` then execs dotnet in the background job itself, so $! is the
# app's own pid and `kill $pid` stops it (a subshell body would leave dotnet running behind the killed shell).
app() {
    PANAH_DATA="$work/data" PANAH_KEY_FILE="$work/master.key" PANAH_DB=postgres \
    PANAH_CONNECTION="Host=127.0.0.1;Port=$port;Username=postgres;Database=panah;Pooling=true;Maximum Pool Size=100" \
    Panah__DemoHouseholds=$households Panah__ApiRateLimit__PerCallerPerMinute=100000000 Panah__ApiRateLimit__PerAddressPerMinute=100000000 \
    Panah__ReadBudget__Roles__DistributionClerk__PerHour=100000000 Panah__ReadBudget__Roles__DistributionClerk__PerDay=100000000 \
    Logging__LogLevel__Default=Warning ASPNETCORE_URLS="http://127.0.0.1:$web" \
    exec dotnet "${PANAH_WEB_DLL:-$repo/src/Panah.Web/bin/Release/net10.0/Panah.Web.dll}" "$@"
}
# Up when it answers, and it must be the process just started (not a leftover on the port).
wait_up() { for _ in $(seq 1 600); do kill -0 "$pid" 2>/dev/null || return 1; curl -sf "http://127.0.0.1:$web/healthz" >/dev/null && return 0; sleep 1; done; return 1; }
# The demo (households, accounts, distribution points) needs Development on PostgreSQL; the measured run is Production.
ASPNETCORE_ENVIRONMENT=Development app --demo >"$work/demo.log" 2>&1 & pid=$!
wait_up; kill "$pid"; wait "$pid" || true
psql() { "$bin/psql" -h 127.0.0.1 -p "$port" -U postgres -d panah -v ON_ERROR_STOP=1 -q "$@"; }
psql -v cycles="$cycles" -f "$here/seed.sql"
psql -f "$here/targets.sql" > "$work/targets.csv"
echo "entitlements due: $(wc -l < "$work/targets.csv")"
ASPNETCORE_ENVIRONMENT=Production app >"$work/app.log" 2>&1 & pid=$!
trap 'kill $pid 2>/dev/null; runuser -u postgres -- "$bin/pg_ctl" -D "$work/pg" -m fast -w stop >/dev/null' EXIT
wait_up
login=$(grep "^DistributionClerk" "$work/data/demo-logins.txt")
cookie=$(python3 "$here/signin.py" "http://127.0.0.1:$web" "$(cut -f2 <<<"$login")" "$(cut -f3 <<<"$login")" "$(cut -f4 <<<"$login")")
# Warm up both endpoints (JIT, pools), then measure each with the same threads, connections and duration.
head -n 3000 "$work/targets.csv" > "$work/warm.csv"; tail -n +3001 "$work/targets.csv" > "$work/measured.csv"
wrk -t "$threads" -c "$connections" -d 3s "http://127.0.0.1:$web/healthz/live" >/dev/null
wrk -t "$threads" -c "$connections" -d 3s -s "$here/redeem.lua" "http://127.0.0.1:$web" -- "$work/warm.csv" "$cookie" "$threads" >/dev/null
set -x
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
wrk -t "$threads" -c "$connections" -d "${seconds}s" --timeout 10s --latency "http://127.0.0.1:$web/healthz/live"
wrk -t "$threads" -c "$connections" -d "${seconds}s" --timeout 10s --latency "http://127.0.0.1:$web/healthz"
wrk -t "$threads" -c "$connections" -d "${seconds}s" --timeout 10s --latency -s "$here/redeem.lua" "http://127.0.0.1:$web" -- "$work/measured.csv" "$cookie" "$threads"
set +x
psql -c 'SELECT count(*) AS redemptions FROM "Redemptions"'
grep -c " 500 \| fail" "$work/app.log" || true
