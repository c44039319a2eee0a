#!/usr/bin/env bash
# Bell rush: full pass lifecycles over HTTP against corridor.jar on MariaDB, then the bare-engine baseline
# (same BPMN, same database server, in-process, no HTTP/rules/application tables), in one invocation.
#
#   bench/bell-rush.sh [seconds] [concurrency]      (defaults: 60 s measured, 8 concurrent classes)
#
# Environment: JAR (the service's jar, default service/target/corridor.jar: an earlier build can be compared), WARMUP (s, default 30: the JIT needs it), SERVICE_JAVA_OPTS (extra JVM options for the service), PROFILE=1 (record the service with JFR during the maximum-rate phase and, separately, the half-rate one, and
# print their hottest frames; JFR costs a little, so quote the figures of a run without it), BUILD=1 (rebuild even if the jar exists),
# ENGINE_JAVA_OPTS (extra JVM options for the bare engine's JVM: give it the service's GC to compare like with like),
# ONLY_MAX=1 (only Corridor at maximum rate: a quick before/after of one lever; no ratio),
# SESSIONS=1 (the load signs each person in once with the form login and then sends the session cookie and
# CSRF token, as browsers and identity-provider users do; default: HTTP Basic on every call),
# MARIADB_HOST/MARIADB_PORT (127.0.0.1:3306; user root, empty password).
# Uses the databases corridor_bellrush and corridor_bellrush_engine (BELLRUSH_DB names others), dropped and
# recreated on every run.
# Results: service/target/bellrush/{corridor,half-rate,engine}.properties, service.log, gc.log.
set -euo pipefail
cd "$(dirname "$0")/.."

MEASURE=${1:-60}
CONCURRENCY=${2:-8}
WARMUP=${WARMUP:-30}
HOST=${MARIADB_HOST:-127.0.0.1}
PORT_DB=${MARIADB_PORT:-3306}
DB=${BELLRUSH_DB:-corridor_bellrush}
ENGINE_DB=${DB}_engine
URL="jdbc:mariadb://$HOST:$PORT_DB/$DB"
ENGINE_URL="jdbc:mariadb://$HOST:$PORT_DB/$ENGINE_DB"
OUT=service/target/bellrush
mkdir -p "$OUT"

source bench/harness.sh
harness() { java -Xms256m -Xmx512m $GC_OPTS ${ENGINE_JVM_OPTS:-} -Dbellrush.clockTicks="$(getconf CLK_TCK)" -cp "$CP" org.corridor.benchmark.bellrush.BellRush "$@"; }
prop() { grep -m1 "^$2=" "$1" | cut -d= -f2- || true; }
DB_PID=$(pgrep -x mariadbd | head -1 || true)
SESSION_ARGS=()
# JFR keeps 64 frames by default: a request's stack through Tomcat, Spring Security, the engine and Hibernate is
# deeper, and the frames cut off are the application's own (which controller, which step).
PROFILE_OPTS=()
[[ ${PROFILE:-0} == 1 ]] && PROFILE_OPTS=(-XX:FlightRecorderOptions:stackdepth=256)
[[ ${SESSIONS:-0} == 1 ]] && SESSION_ARGS=(--sessions)

SERVICE_PID=
stop_service() {
  if [[ -n $SERVICE_PID ]] && kill -0 "$SERVICE_PID" 2>/dev/null; then
    kill "$SERVICE_PID"; wait "$SERVICE_PID" 2>/dev/null || true
  fi
  SERVICE_PID=
}
trap stop_service EXIT

echo "== machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB, load average $(cut -d' ' -f1-3 /proc/loadavg)," \
     "$(mariadb --version | grep -o 'Distrib [^,]*'), $(java -version 2>&1 | head -1)"
echo "   other work on the machine now: $(pgrep -fc '^[^ ]*java .*plexus-classworlds' || true) Maven builds," \
     "$(pgrep -fc '^[^ ]*java .*surefirebooter' || true) surefire test JVMs, $(pgrep -c java || true) JVMs in all"

recreate "$DB"
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
echo "== starting ${JAR:-service/target/corridor.jar} on port $PORT, database $DB, -Xmx512m $GC_OPTS ${SERVICE_JAVA_OPTS:-}"
CORRIDOR_DB_URL="$URL" CORRIDOR_DB_USER=root CORRIDOR_DB_PASSWORD= \
  java -Xmx512m $GC_OPTS "-Xlog:gc:file=$OUT/gc.log" "${PROFILE_OPTS[@]}" ${SERVICE_JAVA_OPTS:-} -jar "${JAR:-service/target/corridor.jar}" \
  --spring.profiles.active=demo --server.address=127.0.0.1 --server.port="$PORT" > "$OUT/service.log" 2>&1 &
SERVICE_PID=$!
for _ in $(seq 1 180); do
  curl -sf "http://127.0.0.1:$PORT/actuator/health" > /dev/null && break
  kill -0 "$SERVICE_PID" 2>/dev/null || { echo "the service died; see $OUT/service.log"; tail -30 "$OUT/service.log"; exit 1; }
  sleep 1
done
curl -sf "http://127.0.0.1:$PORT/actuator/health" > /dev/null || { echo "no health after 180 s"; exit 1; }

harness seed --db-url "$URL" --schools 4 --classes 6 --students 30

echo; echo "== 1/3 Corridor over HTTP, maximum rate (closed loop)"
if [[ ${PROFILE:-0} == 1 ]]; then
  rm -f "$OUT/service.jfr"
  jcmd "$SERVICE_PID" JFR.start name=bellrush settings=profile > /dev/null
fi
harness load --base-url "http://127.0.0.1:$PORT" --db-url "$URL" --seconds "$MEASURE" --warmup "$WARMUP" \
  --concurrency "$CONCURRENCY" --service-pid "$SERVICE_PID" --db-pid "${DB_PID:-0}" "${SESSION_ARGS[@]}" \
  --out "$OUT/corridor.properties"
if [[ ${PROFILE:-0} == 1 ]]; then
  jcmd "$SERVICE_PID" JFR.stop name=bellrush filename="$PWD/$OUT/service.jfr" > /dev/null
fi
MAX=$(prop "$OUT/corridor.properties" lifecycles_per_s)
HALF=$(awk -v m="$MAX" 'BEGIN { printf "%.1f", m / 2 }')

if [[ ${ONLY_MAX:-0} == 1 ]]; then
  C="$OUT/corridor.properties"
  echo; echo "== Corridor at maximum rate only: $MAX lifecycles/s; per lifecycle CPU ms: service" \
    "$(awk -v c="$(prop "$C" cpu.service.cores)" -v r="$MAX" 'BEGIN { printf "%.1f", 1000 * c / r }'), MariaDB" \
    "$(awk -v c="$(prop "$C" cpu.mariadbd.cores)" -v r="$MAX" 'BEGIN { printf "%.1f", 1000 * c / r }')"
  if [[ ${PROFILE:-0} == 1 ]]; then
    echo; echo "== JFR profile of the service during the maximum-rate phase (warm-up and measurement)"
    ENGINE_JVM_OPTS=-Xmx2g harness jfr-top "$OUT/service.jfr" --top 20
  fi
  exit 0
fi

echo; echo "== 2/3 Corridor over HTTP at half that rate ($HALF lifecycles/s, open loop)"
HALF_SECONDS=$(( MEASURE / 2 > 20 ? MEASURE / 2 : 20 ))
if [[ ${PROFILE:-0} == 1 ]]; then
  rm -f "$OUT/service-half.jfr"
  jcmd "$SERVICE_PID" JFR.start name=half settings=profile > /dev/null
fi
harness load --base-url "http://127.0.0.1:$PORT" --db-url "$URL" --seconds "$HALF_SECONDS" --warmup 5 \
  --rate "$HALF" --service-pid "$SERVICE_PID" --db-pid "${DB_PID:-0}" "${SESSION_ARGS[@]}" --out "$OUT/half-rate.properties"
if [[ ${PROFILE:-0} == 1 ]]; then
  jcmd "$SERVICE_PID" JFR.stop name=half filename="$PWD/$OUT/service-half.jfr" > /dev/null
fi
SERVICE_RSS_HWM=$(awk '/VmHWM/{print int($2/1024)}' "/proc/$SERVICE_PID/status")
stop_service

echo; echo "== 3/3 bare engine in-process (same BPMN, database $ENGINE_DB)"
recreate "$ENGINE_DB"
ENGINE_JVM_OPTS="${ENGINE_JAVA_OPTS:-}" harness engine --db-url "$ENGINE_URL" --seconds "$MEASURE" --warmup "$WARMUP" --concurrency "$CONCURRENCY" \
  --db-pid "${DB_PID:-0}" --out "$OUT/engine.properties"

# Heap: the largest occupancy before a collection and after one (live data), from the service's GC log.
read -r HEAP_PEAK HEAP_LIVE GCS GC_MS < <(grep -o 'Pause.*' "$OUT/gc.log" | awk '{
    if (match($0, /[0-9]+M->[0-9]+M/)) { split(substr($0, RSTART, RLENGTH), a, /M->|M/); if (a[1] > p) p = a[1]; if (a[2] > l) l = a[2] }
    if (match($0, /[0-9.]+ms$/)) { ms += substr($0, RSTART, RLENGTH - 2) } n++ }
    END { printf "%d %d %d %.0f\n", p, l, n, ms }')
C="$OUT/corridor.properties"; H="$OUT/half-rate.properties"; E="$OUT/engine.properties"
RATIO=$(awk -v c="$(prop "$C" lifecycles_per_s)" -v e="$(prop "$E" lifecycles_per_s)" 'BEGIN { printf "%.2f", (e > 0 ? c / e : 0) }')
P99=$(prop "$H" latency.post_api_passes.p99_ms)
cat <<SUMMARY

== Bell rush summary ($CONCURRENCY concurrent, ${MEASURE} s measured, $([[ ${SESSIONS:-0} == 1 ]] && echo "sessions" || echo "HTTP Basic on every call"); machine load average now $(cut -d' ' -f1-3 /proc/loadavg))
Corridor over HTTP   $(prop "$C" lifecycles_per_s) lifecycles/s, errors $(prop "$C" errors)
Bare engine          $(prop "$E" lifecycles_per_s) lifecycles/s, errors $(prop "$E" errors)
Ratio Corridor / bare engine  $RATIO
Per call at maximum rate (p50 / p95 / p99 ms):
  request -> routed  $(prop "$C" latency.post_api_passes.p50_ms) / $(prop "$C" latency.post_api_passes.p95_ms) / $(prop "$C" latency.post_api_passes.p99_ms)
  requests tab       $(prop "$C" latency.get_api_requests.p50_ms) / $(prop "$C" latency.get_api_requests.p95_ms) / $(prop "$C" latency.get_api_requests.p99_ms)
  approve            $(prop "$C" latency.post_api_passes_id_approve.p50_ms) / $(prop "$C" latency.post_api_passes_id_approve.p95_ms) / $(prop "$C" latency.post_api_passes_id_approve.p99_ms)
  end (student)      $(prop "$C" latency.post_api_passes_id_end.p50_ms) / $(prop "$C" latency.post_api_passes_id_end.p95_ms) / $(prop "$C" latency.post_api_passes_id_end.p99_ms)
  check-in (teacher) $(prop "$C" latency.post_api_passes_id_check_in.p50_ms) / $(prop "$C" latency.post_api_passes_id_check_in.p95_ms) / $(prop "$C" latency.post_api_passes_id_check_in.p99_ms)
At half rate ($HALF/s offered, $(prop "$H" lifecycles_per_s)/s done): request -> routed p50 $(prop "$H" latency.post_api_passes.p50_ms) ms, p99 $P99 ms, errors $(prop "$H" errors)
Service CPU $(prop "$C" cpu.service.cores) cores, MariaDB $(prop "$C" cpu.mariadbd.cores), load generator $(prop "$C" cpu.loadgen.cores), whole machine $(prop "$C" cpu.machine.busy_cores) of $(nproc)
Bare engine CPU $(prop "$E" cpu.engine.cores) cores, MariaDB $(prop "$E" cpu.mariadbd.cores), whole machine $(prop "$E" cpu.machine.busy_cores)
Service memory: heap peak ${HEAP_PEAK} MB before a GC, ${HEAP_LIVE} MB max after one (-Xmx512m), $GCS GC pauses ${GC_MS} ms in all; RSS peak ${SERVICE_RSS_HWM} MB
Goals: >= 120 lifecycles/s: $(awk -v c="$(prop "$C" lifecycles_per_s)" 'BEGIN { print (c >= 120 ? "met" : "MISSED") }');  ratio >= 0.67: $(awk -v r="$RATIO" 'BEGIN { print (r >= 0.667 ? "met" : "MISSED") }');  p99 request -> routed <= 100 ms at half rate: $(awk -v p="$P99" 'BEGIN { print (p != "" && p <= 100 ? "met" : "MISSED") }');  512 MB heap: $(grep -q OutOfMemoryError "$OUT/service.log" && echo "MISSED (OutOfMemoryError)" || echo "met (no OutOfMemoryError)")
SUMMARY
if [[ ${PROFILE:-0} == 1 && -f $OUT/service.jfr ]]; then
  echo; echo "== JFR profile of the service during the maximum-rate phase (warm-up and measurement)"
  ENGINE_JVM_OPTS=-Xmx2g harness jfr-top "$OUT/service.jfr" --top 20
  echo; echo "== JFR profile of the service during the half-rate phase"
  ENGINE_JVM_OPTS=-Xmx2g harness jfr-top "$OUT/service-half.jfr" --top 20
fi
