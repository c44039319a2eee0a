#!/usr/bin/env bash
# Start-up to healthy: starts corridor.jar RUNS times on a fresh database (dropped and recreated before each
# start) and RUNS times on an existing one (migrated and seeded with the demo district and its active rule set
# by one unmeasured start first), and reports the median time from `java` to the first `/actuator/health` UP,
# the JVM's CPU seconds by then, and where the time went (Spring's start-up steps, the rule-set compile).
#
#   bench/startup.sh [runs]                          (default 3 of each case)
#
# Environment:
#   PROFILE=prod|demo   prod (default): no profile, a Google client id so that production's sign-in check passes
#                       (no network needed); demo: --spring.profiles.active=demo
#   DATABASE=mariadb|h2 mariadb (default): database $DB on MARIADB_HOST:MARIADB_PORT (127.0.0.1:3306, root, no
#                       password); h2: an H2 file under H2_DIR (demo profile only)
#   CASES               "fresh existing" (default), or one of them
#   JAR                 the jar to start (default service/target/corridor.jar); BUILD=1 rebuilds it
#   JAVA_OPTS           extra JVM options (default -Xmx512m, as the bell rush)
#   KEEP_DB=1           existing case: reuse the database as it is when it has Corridor's tables already
#   CDS=1               class data sharing: extracts JAR with Spring Boot's `-Djarmode=tools extract` to
#                       service/target/startup/cds/, makes the archive with one training start
#                       (-XX:ArchiveClassesAtExit, -Dspring.context.exit=onRefresh), then starts with
#                       -XX:SharedArchiveFile (the recipe of docs/operators.md, "Start fast"); CDS_REUSE=1
#                       keeps an archive made before
#   STEPS=0             do not record Spring's start-up steps (on by default: -Dcorridor.startup.steps)
#   LABEL               results name (default startup): service/target/startup/$LABEL.tsv, logs and steps beside
#   PORT                HTTP port (default: a free one)
set -euo pipefail
cd "$(dirname "$0")/.."

RUNS=${1:-3}
PROFILE=${PROFILE:-prod}
DATABASE=${DATABASE:-mariadb}
CASES=${CASES:-fresh existing}
JAR=${JAR:-service/target/corridor.jar}
JAVA_OPTS=${JAVA_OPTS:--Xmx512m -XX:+UseParallelGC}
LABEL=${LABEL:-startup}
HOST=${MARIADB_HOST:-127.0.0.1}
PORT_DB=${MARIADB_PORT:-3306}
DB=${DB:-corridor_startup}
H2_DIR=${H2_DIR:-service/target/startup/h2}
OUT=service/target/startup
mkdir -p "$OUT"
TICKS=$(getconf CLK_TCK)

if [[ ${BUILD:-0} == 1 || ! -f $JAR ]]; then
  echo "== building corridor.jar"
  ./mvnw -q -B -DskipTests package
fi
[[ $DATABASE == h2 && $PROFILE != demo ]] && { echo "H2 only with PROFILE=demo"; exit 1; }
PORT=${PORT:-$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')}

if [[ $DATABASE == mariadb ]]; then
  DB_URL="jdbc:mariadb://$HOST:$PORT_DB/$DB"; DB_USER=root
else
  DB_URL="jdbc:h2:file:$(realpath -m "$H2_DIR")/corridor;DB_CLOSE_ON_EXIT=FALSE;LOCK_TIMEOUT=10000"; DB_USER=sa
fi
fresh_database() {
  if [[ $DATABASE == mariadb ]]; then
    mariadb -h "$HOST" -P "$PORT_DB" -u root -e "drop database if exists $DB; create database $DB character set utf8mb4"
  else
    rm -rf "$H2_DIR"
  fi
}

PROFILE_ARGS=()
PROFILE_ENV=()
if [[ $PROFILE == demo ]]; then
  PROFILE_ARGS=(--spring.profiles.active=demo)
else
  PROFILE_ENV=(CORRIDOR_OIDC_GOOGLE_CLIENT_ID=startup-bench CORRIDOR_OIDC_GOOGLE_CLIENT_SECRET=startup-bench)
fi

START_JAR=$JAR
CDS_OPTS=()
if [[ ${CDS:-0} == 1 ]]; then
  CDS_DIR=$OUT/cds
  START_JAR=$CDS_DIR/$(basename "$JAR")
fi
if [[ ${CDS:-0} == 1 && ( ${CDS_REUSE:-0} != 1 || ! -f $CDS_DIR/corridor.jsa ) ]]; then
  rm -rf "$CDS_DIR"
  java -Djarmode=tools -jar "$JAR" extract --destination "$CDS_DIR" > /dev/null
  echo "== CDS: training start (archive $CDS_DIR/corridor.jsa)"
  [[ $DATABASE == mariadb ]] && mariadb -h "$HOST" -P "$PORT_DB" -u root -e "create database if not exists $DB"
  env CORRIDOR_DB_URL="$DB_URL" CORRIDOR_DB_USER="$DB_USER" CORRIDOR_DB_PASSWORD= "${PROFILE_ENV[@]}" \
    java -XX:ArchiveClassesAtExit="$CDS_DIR/corridor.jsa" -Dspring.context.exit=onRefresh $JAVA_OPTS \
    -jar "$START_JAR" "${PROFILE_ARGS[@]}" --server.address=127.0.0.1 --server.port="$PORT" \
    > "$OUT/$LABEL-cds-training.log" 2>&1
fi
[[ ${CDS:-0} == 1 ]] && CDS_OPTS=(-XX:SharedArchiveFile="$CDS_DIR/corridor.jsa")

SERVICE_PID=
stop_service() {
  if [[ -n $SERVICE_PID ]] && kill -0 "$SERVICE_PID" 2>/dev/null; then
    kill "$SERVICE_PID"; wait "$SERVICE_PID" 2>/dev/null || true
  fi
  SERVICE_PID=
}
trap stop_service EXIT

# start <log> [extra args...]: starts the service in the background and sets SERVICE_PID
start() {
  local log=$1; shift
  env CORRIDOR_DB_URL="$DB_URL" CORRIDOR_DB_USER="$DB_USER" CORRIDOR_DB_PASSWORD= "${PROFILE_ENV[@]}" \
    java "${CDS_OPTS[@]}" $JAVA_OPTS "$@" -jar "$START_JAR" "${PROFILE_ARGS[@]}" \
    --server.address=127.0.0.1 --server.port="$PORT" > "$log" 2>&1 &
  SERVICE_PID=$!
}

# wait_healthy: prints the milliseconds since $T0 at which health answered UP, or fails
wait_healthy() {
  while ! curl -sf -m 2 "http://127.0.0.1:$PORT/actuator/health" 2> /dev/null | grep -q '"UP"'; do
    kill -0 "$SERVICE_PID" 2> /dev/null || return 1
    (( $(date +%s%N) - T0 < 600000000000 )) || return 1
    sleep 0.05
  done
  echo $(( ($(date +%s%N) - T0) / 1000000 ))
}

cpu_seconds() { awk -v t="$TICKS" '{ printf "%.1f", ($14 + $15) / t }' "/proc/$1/stat"; }

echo "== machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg), $(java -version 2>&1 | head -1)," \
     "$(pgrep -c java || true) JVMs running; $START_JAR, profile $PROFILE, $DATABASE, JAVA_OPTS: $JAVA_OPTS ${CDS_OPTS[*]}"
RESULTS=$OUT/$LABEL.tsv
printf 'case\trun\thealthy_ms\tcpu_s\tstarted_s\tjvm_s\tcompile_ms\tload1\n' > "$RESULTS"
for CASE in $CASES; do
  if [[ $CASE == existing && ${KEEP_DB:-0} == 1 && $DATABASE == mariadb ]] \
       && mariadb -h "$HOST" -P "$PORT_DB" -u root -N -e "select 1 from $DB.flyway_schema_history limit 1" > /dev/null 2>&1; then
    echo "== existing database $DB kept"
  elif [[ $CASE == existing ]]; then
    fresh_database
    # the demo district and its active rule set, so that start-up compiles one as in a district's production
    PREP_PROFILE=("${PROFILE_ARGS[@]}")
    PROFILE_ARGS=(--spring.profiles.active=demo)
    T0=$(date +%s%N); start "$OUT/$LABEL-prepare.log"
    wait_healthy > /dev/null || { echo "preparing start failed: $OUT/$LABEL-prepare.log"; exit 1; }
    sleep 2; stop_service
    PROFILE_ARGS=("${PREP_PROFILE[@]}")
  fi
  for RUN in $(seq 1 "$RUNS"); do
    [[ $CASE == fresh ]] && fresh_database
    LOG=$OUT/$LABEL-$CASE-$RUN.log
    STEPS_FILE=$OUT/$LABEL-$CASE-$RUN.steps.tsv
    rm -f "$STEPS_FILE"
    STEP_ARGS=()
    [[ ${STEPS:-1} == 1 ]] && STEP_ARGS=(-Dcorridor.startup.steps="$STEPS_FILE")
    LOAD=$(cut -d' ' -f1 /proc/loadavg)
    T0=$(date +%s%N); start "$LOG" "${STEP_ARGS[@]}"
    HEALTHY=$(wait_healthy) || { echo "no health: $LOG"; tail -20 "$LOG"; exit 1; }
    CPU=$(cpu_seconds "$SERVICE_PID")
    # the ready event's listeners (the rule-set compile) may still run: let them finish before stopping
    for _ in $(seq 1 1200); do
      [[ ${STEPS:-1} != 1 || -s $STEPS_FILE ]] && grep -q 'Started CorridorApplication' "$LOG" \
        && { [[ $CASE == fresh && $PROFILE != demo ]] || grep -q 'Compiled rule set\|does not compile' "$LOG"; } && break
      sleep 0.1
    done
    sleep 1
    stop_service
    STARTED=$(grep -o 'Started CorridorApplication in [0-9.]*' "$LOG" | grep -o '[0-9.]*$' || echo -)
    JVM=$(grep -o 'process running for [0-9.]*' "$LOG" | grep -o '[0-9.]*$' || echo -)
    # compiled before the stop, on the main thread (before) or in the background (after health)
    COMPILE=$({ grep -o 'Compiled rule set .* in [0-9]* ms' "$LOG" || true; } | awk '{ s += $(NF-1) } END { print s + 0 }')
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$CASE" "$RUN" "$HEALTHY" "$CPU" "$STARTED" "$JVM" "$COMPILE" "$LOAD" \
      | tee -a "$RESULTS"
  done
done

python3 bench/startup_summary.py "$RESULTS" "$OUT" "$LABEL"
echo "== load average at the end $(cut -d' ' -f1-3 /proc/loadavg)"
