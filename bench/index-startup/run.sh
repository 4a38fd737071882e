#!/usr/bin/env bash
# The web app's start-up with a large registry: how long until the duplicate check's match index is ready, where the
# time goes, and the app's memory then (peak and current resident set). Uses a PostgreSQL cluster and data directory
# seeded by bench/register-page/run.sh (PANAH_BENCH_KEEP=dir) or bench/redeem-load/run.sh. Builds nothing: run after
# `dotnet build src/Panah.Web -c Release` (or set PANAH_WEB_DLL).
# Usage: bench/index-startup/run.sh DIR [runs=1]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
work=${1:?seeded directory}; runs=${2:-1}
[ -d "$work/pg" ] || { echo "no seeded cluster in $work" >&2; exit 1; }
port=$((20000 + RANDOM % 6000)); web=$((26000 + RANDOM % 6000))
bin=$(ls -d /usr/lib/postgresql/*/bin | tail -1)
runuser -u postgres -- "$bin/pg_ctl" -D "$work/pg" -l "$work/pg.log" -w -o "-p $port -k $work -c listen_addresses=127.0.0.1" start >/dev/null
pid=0
trap 'kill $pid 2>/dev/null || true; runuser -u postgres -- "$bin/pg_ctl" -D "$work/pg" -m fast -w stop >/dev/null' EXIT
"$bin/psql" -h 127.0.0.1 -p "$port" -U postgres -d panah -At -c "SELECT (SELECT count(*) FROM \"People\") || ' people, ' || (SELECT count(*) FROM \"Households\") || ' households'"
for run in $(seq 1 "$runs"); do
    start=$(date +%s.%N)
    PANAH_DATA="$work/data" PANAH_KEY_FILE="$work/master.key" PANAH_DB=postgres \
    PANAH_CONNECTION="Host=127.0.0.1;Port=$port;Username=postgres;Database=panah;Pooling=true" \
    Logging__LogLevel__Default=Warning ASPNETCORE_ENVIRONMENT=Production ASPNETCORE_URLS="http://127.0.0.1:$web" \
        env "Logging__LogLevel__Panah.Web.Features.Matching.MatchIndexBuilder=Information" dotnet "${PANAH_WEB_DLL:-$repo/src/Panah.Web/bin/Release/net10.0/Panah.Web.dll}" >"$work/startup.log" 2>&1 & pid=$!
    for _ in $(seq 1 1800); do grep -q "Match index ready\|match index could not" "$work/startup.log" && break; kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
    ready=$(date +%s.%N)
    grep -o "Match index ready.*" "$work/startup.log" || { cat "$work/startup.log"; exit 1; }
    awk -v a="$start" -v b="$ready" 'BEGIN { printf "run %d: index ready %.1f s after the process started\n", '"$run"', b - a }'
    grep -E "VmHWM|VmRSS" "/proc/$pid/status" | tr -s ' \t' ' '
    sleep 10
    grep -E "VmRSS" "/proc/$pid/status" | tr -s ' \t' ' ' | sed 's/^/10 s later: /'
    kill "$pid"; wait "$pid" 2>/dev/null || true
done
