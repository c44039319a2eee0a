#!/usr/bin/env bash
# Statements per call: which SQL statements MariaDB executes for each call of a bell-rush lifecycle, for
# Corridor over HTTP and for the bare engine, one lifecycle at a time. The server's general log is on while
# the counted lifecycles run (marker statements separate the calls) and only the statements of connections
# to the measured database count, so other databases on the server may be busy meanwhile. Needs root on
# the database server's machine (the harness reads the log from the server's data directory).
#
#   bench/statements.sh [lifecycles]        (default 200, after 50 uncounted ones)
#
# Environment: SESSIONS=1 (sign in once per person, then a session cookie, instead of HTTP Basic on every
# call), JAR (default service/target/corridor.jar), SERVICE_JAVA_OPTS, BUILD=1, MARIADB_HOST/MARIADB_PORT.
# Results: service/target/statements/{corridor,engine}.txt and the general logs.
# Uses the databases corridor_bellrush_statements and corridor_bellrush_statements_engine, dropped and recreated.
set -euo pipefail
cd "$(dirname "$0")/.."

LIFECYCLES=${1:-200}
HOST=${MARIADB_HOST:-127.0.0.1}
PORT_DB=${MARIADB_PORT:-3306}
DB=corridor_bellrush_statements
ENGINE_DB=corridor_bellrush_statements_engine
URL="jdbc:mariadb://$HOST:$PORT_DB/$DB"
OUT=service/target/statements
mkdir -p "$OUT"

source bench/harness.sh
harness() { java -Xmx512m -cp "$CP" org.corridor.benchmark.bellrush.BellRush "$@"; }
SERVICE_PID=
stop_service() {
  if [[ -n $SERVICE_PID ]] && kill -0 "$SERVICE_PID" 2>/dev/null; then
    kill "$SERVICE_PID"; wait "$SERVICE_PID" 2>/dev/null || true
  fi
  SERVICE_PID=
}
trap stop_service EXIT
echo "== other work on the machine now: $(pgrep -fc '^[^ ]*java .*surefirebooter' || true) surefire test JVMs," \
     "$(pgrep -c java || true) JVMs in all; load average $(cut -d' ' -f1-3 /proc/loadavg)"

recreate "$DB"
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
CORRIDOR_DB_URL="$URL" CORRIDOR_DB_USER=root CORRIDOR_DB_PASSWORD= \
  java -Xmx512m ${SERVICE_JAVA_OPTS:-} -jar "${JAR:-service/target/corridor.jar}" \
  --spring.profiles.active=demo --server.address=127.0.0.1 --server.port="$PORT" > "$OUT/service.log" 2>&1 &
SERVICE_PID=$!
# Counts do not depend on the machine's load, so the script may run beside other work: a start can then take
# minutes, and seeding must not begin before the demo district exists.
for _ in $(seq 1 900); do
  curl -sf "http://127.0.0.1:$PORT/actuator/health" > /dev/null && break
  kill -0 "$SERVICE_PID" 2>/dev/null || { echo "the service died; see $OUT/service.log"; exit 1; }
  sleep 1
done
curl -sf "http://127.0.0.1:$PORT/actuator/health" > /dev/null || { echo "no health after 900 s"; exit 1; }
harness seed --db-url "$URL" --schools 4 --classes 6 --students 30
# The server writes its general log while the counted lifecycles run; only the measured database's connections count.
LOG="$(mariadb -N -h "$HOST" -P "$PORT_DB" -u root -e "select @@datadir")bellrush-general.log"
SESSION_ARGS=()
[[ ${SESSIONS:-0} == 1 ]] && SESSION_ARGS=(--sessions)
echo; echo "== Corridor over HTTP${SESSIONS:+ (sessions)}: statements per call"
harness statements --base-url "http://127.0.0.1:$PORT" --db-url "$URL" --lifecycles "$LIFECYCLES" \
  "${SESSION_ARGS[@]}" --general-log "$LOG" --out "$OUT/corridor.properties" | tee "$OUT/corridor.txt"
cp "$LOG" "$OUT/general-corridor.log"
stop_service

echo; echo "== bare engine: statements per step"
recreate "$ENGINE_DB"
harness engine-statements --db-url "jdbc:mariadb://$HOST:$PORT_DB/$ENGINE_DB" --lifecycles "$LIFECYCLES" \
  --general-log "$LOG" | tee "$OUT/engine.txt"
cp "$LOG" "$OUT/general-engine.log"; rm -f "$LOG"
