#!/usr/bin/env bash
# Redemptions per second and latency through the HTTP API on PostgreSQL, side by side with the trivial /healthz/live (no database) and /healthz (two queries),
# with wrk. Builds nothing: run after `dotnet build src/Panah.Web -c Release` (or set PANAH_WEB_DLL to a copy of its output).
# Usage: bench/redeem-load/run.sh [households=5000] [cycles=4] [seconds=20] [connections=32] [threads=2]
# PANAH_TRACE=1: dotnet-trace and PostgreSQL wait samples; PANAH_PERF=1: perf record (JIT symbols from the perf map) and pg_stat_statements.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
households=${1:-5000}; cycles=${2:-4}; seconds=${3:-20}; connections=${4:-32}; threads=${5:-2}
work=$(mktemp -d /tmp/redeem-bench.XXXX); # Below the ephemeral range (32768+), where outgoing connections would already hold a port.
port=$((20000 + RANDOM % 6000)); web=$((26000 + RANDOM % 6000))
bin=/usr/lib/postgresql/15/bin
chown postgres:postgres "$work"
runuser -u postgres -- "$bin/initdb" -D "$work/pg" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
runuser -u postgres -- "$bin/pg_ctl" -D "$work/pg" -l "$work/pg.log" -w -o "-p $port -k $work -c listen_addresses=127.0.0.1 -c max_connections=200${PANAH_PERF:+ -c shared_preload_libraries=pg_stat_statements}" start >/dev/null
# A function body in braces, not a subshell: `app &` then execs dotnet in the background job itself, so $! is the
# app's own pid and `kill $pid` stops it (a subshell body would leave dotnet running behind the killed shell).
app() {
    PANAH_DATA="$work/data" PANAH_KEY_FILE="$work/master.key" PANAH_DB=postgres \
    PANAH_CONNECTION="Host=127.0.0.1;Port=$port;Username=postgres;Database=panah;Pooling=true;Maximum Pool Size=100${PANAH_CONNECTION_EXTRA:+;$PANAH_CONNECTION_EXTRA}" \
    Panah__DemoHouseholds=$households Panah__ApiRateLimit__PerCallerPerMinute=100000000 Panah__ApiRateLimit__PerAddressPerMinute=100000000 \
    Panah__ReadBudget__Roles__DistributionClerk__PerHour=100000000 Panah__ReadBudget__Roles__DistributionClerk__PerDay=100000000 \
    Logging__LogLevel__Default=Warning ASPNETCORE_URLS="http://127.0.0.1:$web" \
    exec env "Logging__LogLevel__Panah.Web.Features.Matching.MatchIndexBuilder=Information" ${PANAH_PERF:+DOTNET_PerfMapEnabled=1 DOTNET_EnableWriteXorExecute=0} dotnet "${PANAH_WEB_DLL:-$repo/src/Panah.Web/bin/Release/net10.0/Panah.Web.dll}" "$@"
}
# Up when it answers, and it must be the process just started (not a leftover on the port).
wait_up() { for _ in $(seq 1 600); do kill -0 "$pid" 2>/dev/null || return 1; curl -sf "http://127.0.0.1:$web/healthz" >/dev/null && return 0; sleep 1; done; return 1; }
# The demo (households, accounts, distribution points) needs Development on PostgreSQL; the measured run is Production.
ASPNETCORE_ENVIRONMENT=Development app --demo >"$work/demo.log" 2>&1 & pid=$!
wait_up; kill "$pid"; wait "$pid" || true
psql() { "$bin/psql" -h 127.0.0.1 -p "$port" -U postgres -d panah -v ON_ERROR_STOP=1 -q "$@"; }
striped=$(psql -At -c "SELECT count(*) > 0 FROM information_schema.columns WHERE table_name = 'StockBalances' AND column_name = 'Stripe'")
psql -v cycles="$cycles" -v striped="$striped" -f "$here/seed.sql"
psql -f "$here/targets.sql" > "$work/targets.csv"
[ -n "${PANAH_PERF:-}" ] && psql -c 'CREATE EXTENSION pg_stat_statements'

echo "work: $work"; echo "entitlements due: $(wc -l < "$work/targets.csv")"
ASPNETCORE_ENVIRONMENT=Production app >"$work/app.log" 2>&1 & pid=$!
trap 'kill $pid 2>/dev/null; runuser -u postgres -- "$bin/pg_ctl" -D "$work/pg" -m fast -w stop >/dev/null' EXIT
wait_up
# The duplicate-check index builds in the background after start (CPU-heavy for a while): measure after it.
for _ in $(seq 1 600); do grep -q "Match index ready\|match index could not" "$work/app.log" && break; sleep 1; done
grep -o "Match index ready.*" "$work/app.log" || true
login=$(grep "^DistributionClerk" "$work/data/demo-logins.txt")
cookie=$(python3 "$here/signin.py" "http://127.0.0.1:$web" "$(cut -f2 <<<"$login")" "$(cut -f3 <<<"$login")" "$(cut -f4 <<<"$login")")
# Warm up both endpoints (JIT, pools), then measure each with the same threads, connections and duration.
head -n 3000 "$work/targets.csv" > "$work/warm.csv"; tail -n +3001 "$work/targets.csv" > "$work/measured.csv"
wrk -t "$threads" -c "$connections" -d 3s "http://127.0.0.1:$web/healthz/live" >/dev/null
# The collections' warm-up is longer (PANAH_WARMUP seconds, 15 by default): on a loaded 2-core machine the runtime is
# still compiling the collection's code at tier 1 for several seconds, which a 3 s warm-up left inside the measured run.
wrk -t "$threads" -c "$connections" -d "${PANAH_WARMUP:-15}s" -s "$here/redeem.lua" "http://127.0.0.1:$web" -- "$work/warm.csv" "$cookie" "$threads" >/dev/null
# CPU seconds the app and PostgreSQL spend, read from /proc around each run: per request, it does not depend on
# what else the machine is doing (wall-clock rates do).
cpu() { local t=0 p; for p in "$@"; do [ -r /proc/$p/stat ] && t=$((t + $(awk '{print $14+$15}' /proc/$p/stat))); done; echo $t; }
pg() { local pm; pm=$(head -1 "$work/pg/postmaster.pid"); echo "$pm" $(pgrep -P "$pm" || true); }
# PANAH_TRACE=1 also records a CPU sample trace of the app (dotnet-trace) during each run, into $work.
traces=0
measure() { local app0 pg0 out req tracer=""
    traces=$((traces + 1))
    if [ -n "${PANAH_TRACE:-}" ]; then ~/.dotnet/tools/dotnet-trace collect -p "$pid" --profile dotnet-sampled-thread-time,dotnet-common --duration "$(printf "00:00:%02d:%02d" $((seconds / 60)) $((seconds % 60)))" -o "$work/trace-$traces.nettrace" >>"$work/trace.log" 2>&1 & tracer=$!; fi
    # What PostgreSQL's sessions wait on (sampled 10 times a second): shows which lock or flush serialises the run.
    if [ -n "${PANAH_TRACE:-}${PANAH_PERF:-}" ]; then (for _ in $(seq 1 $((seconds * 10))); do
        psql -At -c "SELECT coalesce(wait_event_type, 'CPU') || ':' || coalesce(wait_event, state) FROM pg_stat_activity WHERE datname = 'panah' AND pid <> pg_backend_pid() AND state <> 'idle'" 2>/dev/null; sleep 0.1; done \
        | sort | uniq -c | sort -rn > "$work/waits-$traces.txt") & fi
    # PANAH_PERF=1: native and JIT-compiled frames (perf with the runtime's perf map), and every statement PostgreSQL ran.
    if [ -n "${PANAH_PERF:-}" ]; then psql -c 'SELECT pg_stat_statements_reset()' >/dev/null
        perf record -F 499 -g -p "$pid" -o "$work/perf-$traces.data" -- sleep "$seconds" >>"$work/perf.log" 2>&1 & tracer=$!; fi
    app0=$(cpu $pid); pg0=$(cpu $(pg)); out=$("$@"); echo "$out"
    req=$(awk '/requests in/{print $1}' <<<"$out")
    [ -n "$tracer" ] && { wait $tracer || true; }
    if [ -n "${PANAH_PERF:-}" ]; then
        psql -At -F ' | ' -c "SELECT calls, round(total_exec_time::numeric, 1), left(regexp_replace(query, '\s+', ' ', 'g'), 160) FROM pg_stat_statements ORDER BY calls DESC LIMIT 40" > "$work/statements-$traces.txt"
        echo "statements per request: $(psql -At -c "SELECT sum(calls) FROM pg_stat_statements WHERE query NOT LIKE '%pg_stat%'" | awk -v r="$req" '{printf "%.1f", $1 / r}') (in $work/statements-$traces.txt)"; fi
    awk -v a=$(( $(cpu $pid) - app0 )) -v p=$(( $(cpu $(pg)) - pg0 )) -v r="$req" -v hz="$(getconf CLK_TCK)" \
        'BEGIN { printf "cpu per request: app %.2f ms, postgres %.2f ms\n", 1000 * a / hz / r, 1000 * p / hz / r }'; }
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
measure wrk -t "$threads" -c "$connections" -d "${seconds}s" --timeout 10s --latency "http://127.0.0.1:$web/healthz/live"
measure wrk -t "$threads" -c "$connections" -d "${seconds}s" --timeout 10s --latency "http://127.0.0.1:$web/healthz"
measure wrk -t "$threads" -c "$connections" -d "${seconds}s" --timeout 10s --latency -s "$here/redeem.lua" "http://127.0.0.1:$web" -- "$work/measured.csv" "$cookie" "$threads"
psql -c 'SELECT count(*) AS redemptions FROM "Redemptions"'
grep -c " 500 \| fail" "$work/app.log" || true
