#!/usr/bin/env bash
# Crash safety: run the bell-rush load, kill -9 the service in the middle, restart it on the same database,
# and check in SQL that nothing acknowledged was lost and that the timers survived.
#
#   bench/crash-test.sh [seconds-before-kill] [concurrency]      (defaults: 15 s, 8 concurrent classes)
#
# Every lifecycle's answers are recorded (pass id, CREATED/APPROVED/ENDED/CHECKED_IN); every 4th lifecycle
# leaves its student out (ACTIVE) and every 9th leaves its request PENDING, so open passes with timers exist
# when the service dies. Every 5th is an AUTO pass to the Restroom (10 places, filled by the passes left out):
# out at once while a place is free, else a request its teacher approves knowing the Restroom is full. The seeded schools' long-running threshold is set to 1 minute through the admin API
# (PUT /api/admin/schools/{id}/settings), and the service stays down until every long-running timer of the
# passes left out is overdue; after the restart they must fire within 60 s of the new JVM's launch.
# Checks (PASS/FAIL each; exit status 1 if any fails):
#   - while down: every open pass has its timers (ACTIVE: long-running + auto-end; PENDING: expiry;
#     WAITING: waiting expiry)
#   - overdue timers fire within 60 s of the restart
#   - every request answered 201 exists, in a state at or after its last answer
#   - every open pass has exactly one running pass-lifecycle instance, closed passes none
#   - no pass has two process instances (running or in history)
#   - after the restart every open pass still has its timers
#   - every destination's count of students out (destination_occupancy) equals its passes out
#   - no destination ever had more students out than its capacity, but for those a teacher sent knowing it was
#     full (DESTINATION_FULL acknowledged): nobody went over it by an auto pass
#   - every school's hallway counts (hall_occupancy, by who made the pass) equal its passes out
# Uses the database corridor_bellrush_crash (dropped and recreated). Environment: BUILD=1, MARIADB_HOST/PORT,
# CRASH_DB (another database name, for a second run beside one in progress).
set -euo pipefail
cd "$(dirname "$0")/.."

KILL_AFTER=${1:-15}
CONCURRENCY=${2:-8}
HOST=${MARIADB_HOST:-127.0.0.1}
PORT_DB=${MARIADB_PORT:-3306}
DB=${CRASH_DB:-corridor_bellrush_crash}
URL="jdbc:mariadb://$HOST:$PORT_DB/$DB"
OUT=service/target/bellrush-crash
mkdir -p "$OUT"
rm -f "$OUT"/passes.tsv "$OUT"/overdue.tsv

source bench/harness.sh
HARNESS=(java -Xmx512m -cp "$CP" org.corridor.benchmark.bellrush.BellRush)
harness() { "${HARNESS[@]}" "$@"; }
sql() { mariadb -h "$HOST" -P "$PORT_DB" -u root -N -B "$DB" -e "$1"; }

SERVICE_PID=
LOAD_PID=
cleanup() {
  [[ -n $LOAD_PID ]] && kill "$LOAD_PID" 2>/dev/null || true
  if [[ -n $SERVICE_PID ]] && kill -0 "$SERVICE_PID" 2>/dev/null; then kill "$SERVICE_PID"; wait "$SERVICE_PID" 2>/dev/null || true; fi
}
trap cleanup EXIT

PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
BASE="http://127.0.0.1:$PORT"
start_service() { # $1: log file
  LAUNCHED_MS=$(date +%s%3N)
  CORRIDOR_DB_URL="$URL" CORRIDOR_DB_USER=root CORRIDOR_DB_PASSWORD= \
    java -Xmx512m $GC_OPTS -jar service/target/corridor.jar --spring.profiles.active=demo --server.address=127.0.0.1 \
    --server.port="$PORT" > "$1" 2>&1 &
  SERVICE_PID=$!
  for _ in $(seq 1 180); do
    curl -sf "$BASE/actuator/health" > /dev/null && break
    kill -0 "$SERVICE_PID" 2>/dev/null || { echo "the service died; see $1"; tail -30 "$1"; exit 1; }
    sleep 0.5
  done
  curl -sf "$BASE/actuator/health" > /dev/null || { echo "no health after 90 s"; exit 1; }
  echo "   healthy $(( ($(date +%s%3N) - LAUNCHED_MS) / 1000 )) s after launch (pid $SERVICE_PID)"
}

echo "== machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
mariadb -h "$HOST" -P "$PORT_DB" -u root -e "drop database if exists $DB; create database $DB"
echo "== starting corridor.jar on port $PORT, database $DB"
start_service "$OUT/service-1.log"
harness seed --db-url "$URL" --schools 2 --classes 4 --students 40
for school in $(sql "select id from school where name like 'Bell Rush School %'"); do
  curl -sf -u bellrush-admin@bellrush.test:demo -X PUT -H 'Content-Type: application/json' \
    "$BASE/api/admin/schools/$school/settings" -d '{"longRunningMinutes":1}' > /dev/null
done
echo "   long-running threshold of the seeded schools: $(sql "select group_concat(distinct long_running_minutes) from school where name like 'Bell Rush School %'") minute(s)"

echo "== load: $CONCURRENCY concurrent classes; kill -9 after $KILL_AFTER s"
# Started directly (not through the function) so that $! is the JVM's own pid.
"${HARNESS[@]}" load --base-url "$BASE" --db-url "$URL" --seconds 3600 --warmup 0 --concurrency "$CONCURRENCY" \
  --record "$OUT/passes.tsv" --leave-active-every 4 --leave-pending-every 9 --auto-every 5 > "$OUT/load.log" 2>&1 &
LOAD_PID=$!
sleep "$KILL_AFTER"
kill -9 "$SERVICE_PID"
KILLED_MS=$(date +%s%3N)
wait "$SERVICE_PID" 2>/dev/null || true
SERVICE_PID=
sleep 1
kill "$LOAD_PID" 2>/dev/null || true
wait "$LOAD_PID" 2>/dev/null || true
LOAD_PID=
echo "   killed; answers recorded: $(cut -f2 "$OUT/passes.tsv" | sort | uniq -c | tr '\n' ' ')"

# Stay down until every long-running timer is overdue (at most 90 s), so that they must fire after the restart.
# (The engine writes DUEDATE_ in the JVM's time zone and unix_timestamp() reads it in the server's: the same here.)
DUE=$(sql "select coalesce(unix_timestamp(max(j.DUEDATE_)), 0) from ACT_RU_JOB j join ACT_RU_JOBDEF d on d.ID_ = j.JOB_DEF_ID_ where d.ACT_ID_ = 'Boundary_LongRunning'")
WAIT=$(( ${DUE%.*} + 2 - $(date +%s) ))
(( WAIT > 90 )) && WAIT=90
if (( WAIT > 0 )); then echo "== down for $WAIT s more, until the last long-running timer is overdue"; sleep "$WAIT"; fi
harness crash-snapshot --db-url "$URL" --out "$OUT/overdue.tsv" | tee "$OUT/checks.txt"
SNAPSHOT=${PIPESTATUS[0]}

echo "== restarting on the same database ($(( ($(date +%s%3N) - KILLED_MS) / 1000 )) s after the kill)"
start_service "$OUT/service-2.log"
set +e
harness crash-verify --db-url "$URL" --record "$OUT/passes.tsv" --overdue "$OUT/overdue.tsv" \
  --restarted-at "$LAUNCHED_MS" --patience 60 | tee -a "$OUT/checks.txt"
VERIFY=${PIPESTATUS[0]}
set -e
if (( SNAPSHOT != 0 || VERIFY != 0 )); then echo "CRASH TEST FAILED (see $OUT)"; exit 1; fi
echo "crash test passed (details in $OUT/checks.txt)"
