#!/usr/bin/env bash
# The auditor's search and export over a school's year of passes on MariaDB: starts corridor.jar (-Xmx512m) on a
# fresh database, seeds PASSES passes (default 200,000) over 365 days into the demo school by batched SQL, then
# times, over HTTP as the demo auditor, a page of the search (several filters) and the CSV export (time to the
# first row and to the last byte).
#
#   bench/audit-search.sh [passes] [repeats]        (defaults: 200000 passes, 5 repeats of each page)
#
# Environment: JAR, BUILD=1, MARIADB_HOST/MARIADB_PORT as for bench/bell-rush.sh. Uses the database
# AUDITSEARCH_DB (default corridor_auditsearch), dropped and recreated on every run, unless AUDITSEARCH_KEEP=1:
# then the passes of the last run are searched again, none seeded (another build, the same data). Results: service/target/auditsearch/{result.txt,service.log,gc.log}.
set -euo pipefail
cd "$(dirname "$0")/.."

PASSES=${1:-200000}
REPEATS=${2:-5}
HOST=${MARIADB_HOST:-127.0.0.1}
PORT_DB=${MARIADB_PORT:-3306}
DB=${AUDITSEARCH_DB:-corridor_auditsearch}
URL="jdbc:mariadb://$HOST:$PORT_DB/$DB"
OUT=service/target/auditsearch
mkdir -p "$OUT"

source bench/harness.sh

SERVICE_PID=
stop_service() {
  if [[ -n $SERVICE_PID ]] && kill -0 "$SERVICE_PID" 2>/dev/null; then
    kill "$SERVICE_PID"; wait "$SERVICE_PID" 2>/dev/null || true
  fi
  SERVICE_PID=
}
trap stop_service EXIT

echo "== machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg), $(mariadb --version | grep -o 'Distrib [^,]*'), $(java -version 2>&1 | head -1)" | tee "$OUT/result.txt"
echo "   other work on the machine now: $(pgrep -fc '^[^ ]*java .*plexus-classworlds' || true) Maven builds, $(pgrep -c java || true) JVMs in all" | tee -a "$OUT/result.txt"

if [[ ${AUDITSEARCH_KEEP:-0} == 1 ]]; then
  PASSES=0
  echo "== keeping $DB and its passes: $(mariadb -h "$HOST" -P "$PORT_DB" -u root -N -e "select count(*) from $DB.hall_pass")"
else
  recreate "$DB"
fi
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
echo "== starting ${JAR:-service/target/corridor.jar} on port $PORT, database $DB, -Xmx512m"
CORRIDOR_DB_URL="$URL" CORRIDOR_DB_USER=root CORRIDOR_DB_PASSWORD= \
  java -Xmx512m "-Xlog:gc:file=$OUT/gc.log" -XX:+ExitOnOutOfMemoryError -jar "${JAR:-service/target/corridor.jar}" \
  --spring.profiles.active=demo --server.address=127.0.0.1 --server.port="$PORT" > "$OUT/service.log" 2>&1 &
SERVICE_PID=$!
# a loaded machine starts the service slowly: AUDITSEARCH_START_SECONDS waits longer
START_SECONDS=${AUDITSEARCH_START_SECONDS:-180}
for _ in $(seq 1 "$START_SECONDS"); do
  curl -sf "http://127.0.0.1:$PORT/actuator/health" > /dev/null && break
  kill -0 "$SERVICE_PID" 2>/dev/null || { echo "the service died; see $OUT/service.log"; tail -30 "$OUT/service.log"; exit 1; }
  sleep 1
done
curl -sf "http://127.0.0.1:$PORT/actuator/health" > /dev/null || { echo "no health after $START_SECONDS s"; exit 1; }

java -Xmx512m -cp "$CP" org.corridor.benchmark.audit.AuditSearchBench "http://127.0.0.1:$PORT" "$URL" "$PASSES" "$REPEATS" \
  | tee -a "$OUT/result.txt"
HEAP_PEAK=$(grep -o '[0-9]*M->[0-9]*M' "$OUT/gc.log" | awk -F'M->|M' '{ if ($1 > p) p = $1 } END { print p + 0 }')
echo "service heap peak before a GC: ${HEAP_PEAK} MB of 512; OutOfMemoryError: $(grep -c OutOfMemoryError "$OUT/service.log" || true)" | tee -a "$OUT/result.txt"
