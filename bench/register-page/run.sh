#!/usr/bin/env bash
# The teacher's register page: its weight and server time for a 25-learner section, with a registry of a given size,
# on PostgreSQL. Builds nothing: run after `dotnet build src/Panah.Web -c Release` (or set PANAH_WEB_DLL).
# Usage: bench/register-page/run.sh [households=100000] [seconds=20] [connections=4]
# PANAH_BENCH_KEEP=dir: keep (or reuse, when it exists) the seeded database cluster and data directory in dir.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
households=${1:-100000}; seconds=${2:-20}; connections=${3:-4}
work=${PANAH_BENCH_KEEP:-$(mktemp -d /tmp/register-bench.XXXX)}; mkdir -p "$work"
port=$((20000 + RANDOM % 6000)); web=$((26000 + RANDOM % 6000))
bin=/usr/lib/postgresql/15/bin
chown postgres:postgres "$work"
seeded=false; [ -d "$work/pg" ] && seeded=true
$seeded || runuser -u postgres -- "$bin/initdb" -D "$work/pg" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
runuser -u postgres -- "$bin/pg_ctl" -D "$work/pg" -l "$work/pg.log" -w -o "-p $port -k $work -c listen_addresses=127.0.0.1" start >/dev/null
trap 'kill $pid 2>/dev/null; runuser -u postgres -- "$bin/pg_ctl" -D "$work/pg" -m fast -w stop >/dev/null' EXIT
pid=0
app() {
    PANAH_DATA="$work/data" PANAH_KEY_FILE="$work/master.key" PANAH_DB=postgres \
    PANAH_CONNECTION="Host=127.0.0.1;Port=$port;Username=postgres;Database=panah;Pooling=true" \
    Panah__DemoHouseholds=$households Panah__ReadBudget__Roles__Teacher__PerHour=100000000 Panah__ReadBudget__Roles__Teacher__PerDay=100000000 \
    Logging__LogLevel__Default=Warning ASPNETCORE_URLS="http://127.0.0.1:$web" \
    exec env "Logging__LogLevel__Panah.Web.Features.Matching.MatchIndexBuilder=Information" dotnet "${PANAH_WEB_DLL:-$repo/src/Panah.Web/bin/Release/net10.0/Panah.Web.dll}" "$@"
}
wait_up() { for _ in $(seq 1 3600); do kill -0 "$pid" 2>/dev/null || return 1; curl -sf "http://127.0.0.1:$web/healthz" >/dev/null && return 0; sleep 1; done; return 1; }
psql() { "$bin/psql" -h 127.0.0.1 -p "$port" -U postgres -d panah -v ON_ERROR_STOP=1 -q "$@"; }
if ! $seeded; then
    start=$(date +%s)
    # The demo (households, accounts, classes) needs Development on PostgreSQL; the measured run is Production.
    ASPNETCORE_ENVIRONMENT=Development app --demo >"$work/demo.log" 2>&1 & pid=$!
    wait_up; kill "$pid"; wait "$pid" || true
    echo "seeded in $(( $(date +%s) - start )) s"
    # The demo teacher's first section grows to 25 learners: 13 enrolments of other sections move into it.
    psql -f "$here/grow-section.sql"
fi
echo "work: $work"
psql -At -c "SELECT (SELECT count(*) FROM \"People\") || ' people, ' || (SELECT count(*) FROM \"Households\") || ' households'"
section=$(psql -At -c 'SELECT "SectionId" FROM "Enrolments" WHERE "SeatNumber" IS NOT NULL GROUP BY "SectionId" ORDER BY count(*) DESC, "SectionId" LIMIT 1')
echo "section $section: $(psql -At -c "SELECT count(*) FROM \"Enrolments\" WHERE \"SectionId\" = $section AND \"SeatNumber\" IS NOT NULL") learners"
ASPNETCORE_ENVIRONMENT=Production app >"$work/app.log" 2>&1 & pid=$!
wait_up
# The duplicate-check index builds in the background after start (CPU-heavy for a while): measure after it.
for _ in $(seq 1 1800); do grep -q "Match index ready\|match index could not" "$work/app.log" && break; sleep 1; done
grep -o "Match index ready.*" "$work/app.log" || true
login=$(grep "^Teacher" "$work/data/demo-logins.txt")
cookie=$(python3 "$repo/bench/redeem-load/signin.py" "http://127.0.0.1:$web" "$(cut -f2 <<<"$login")" "$(cut -f3 <<<"$login")" "$(cut -f4 <<<"$login")")
url="http://127.0.0.1:$web/Education/Register/$section"
# Page weight: the HTML as sent (compressed when the server compresses), and the page's own CSS and JS.
curl -s -o "$work/register.html" -H "Cookie: $cookie" -w 'html: %{http_code}, %{size_download} bytes\n' "$url"
curl -s -o /dev/null -H "Cookie: $cookie" -H 'Accept-Encoding: gzip, br' -w 'html compressed: %{size_download} bytes\n' "$url"
grep -c 'class="border-bottom py-2 learner"' "$work/register.html" | sed 's/^/learners on the page: /'
assets=0
for a in $(grep -oE '(href|src)="/[^"]+\.(css|js)[^"]*"' "$work/register.html" | sed -E 's/^(href|src)="//; s/"$//' | sed 's/&amp;/\&/g'); do
    n=$(curl -s -o /dev/null -H 'Accept-Encoding: gzip, br' -w '%{size_download}' "http://127.0.0.1:$web$a"); echo "  $a: $n bytes"; assets=$((assets + n))
done
echo "css + js (as sent): $assets bytes"
wrk -t 1 -c "$connections" -d 3s -s "$here/page.lua" "$url" -- "$cookie" >/dev/null
# CPU the app and PostgreSQL spend per page, from /proc around the run: unlike latency, it does not depend on what else
# the machine is doing.
cpu() { local t=0 p; for p in "$@"; do [ -r /proc/$p/stat ] && t=$((t + $(awk '{print $14+$15}' /proc/$p/stat))); done; echo $t; }
pg() { local pm; pm=$(head -1 "$work/pg/postmaster.pid"); echo "$pm" $(pgrep -P "$pm" || true); }
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
app0=$(cpu $pid); pg0=$(cpu $(pg))
out=$(wrk -t 1 -c "$connections" -d "${seconds}s" --timeout 10s --latency -s "$here/page.lua" "$url" -- "$cookie"); echo "$out"
awk -v a=$(( $(cpu $pid) - app0 )) -v p=$(( $(cpu $(pg)) - pg0 )) -v r="$(awk '/requests in/{print $1}' <<<"$out")" -v hz="$(getconf CLK_TCK)" \
    'BEGIN { printf "cpu per page: app %.2f ms, postgres %.2f ms\n", 1000 * a / hz / r, 1000 * p / hz / r }'
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
