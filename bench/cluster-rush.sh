#!/usr/bin/env bash
# Cluster bell rush: nginx with the reference configuration (deploy/nginx/corridor.conf) in front of one
# corridor.jar, then of two (MariaDB, Redis as CORRIDOR_BROKER_URL), the bell-rush load through nginx; then a
# crash run: kill -9 of one of the two under load through nginx.
#
#   bench/cluster-rush.sh [seconds] [concurrency]      (defaults: 30 s measured, 8 concurrent classes)
#
# Reports lifecycles/s and CPU per lifecycle (the instances' CPU, and the whole machine's, divided by the
# rate) for one and for two instances. The crash run records every answer, keeps the seeded teachers'
# notification streams open through nginx (reconnecting with Last-Event-ID like a browser), kills one
# instance KILL_AFTER s into the load, lets the load go on against the survivor for 15 s, and checks:
# no acknowledged pass lost (bench/crash-test.sh's checks: every 201 exists, consistent, one process each,
# timers present, counters right), the survivor fires the overdue timers (also those the dead instance
# had locked: they are taken over when the lock expires, 30 s), and every notification made for a watched
# teacher arrived on that teacher's stream.
#
# Environment: WARMUP (s, default 15), KILL_AFTER (s, default 15), BUILD=1 (rebuild the jar), HEALTH_PATIENCE
# (s an instance may take to start, default 300: a busy machine is slow), PORT_A/PORT_B
# (the instances, default 8093/8094), MARIADB_HOST/MARIADB_PORT, BROKER (default redis://127.0.0.1:6379),
# SKIP_RUSH=1 or SKIP_CRASH=1. CLUSTER_DB (default corridor_cluster) names the databases, <CLUSTER_DB>_rush and
# <CLUSTER_DB>_crash, dropped and recreated, and the instances' Redis channel prefix: two people measuring on
# one machine set their own CLUSTER_DB and ports. Results in service/target/cluster-rush/.
#
# The streams check classifies each notification made for a watched teacher: delivered (on the teacher's
# stream), settled before shown (a request that reached no screen, because its announcement died with the
# killed instance, and that its teacher decided through the Requests tab before the repair of lost
# announcements could push it, 3 s), or missed; it fails on any miss.
set -euo pipefail
cd "$(dirname "$0")/.."

MEASURE=${1:-30}
CONCURRENCY=${2:-8}
WARMUP=${WARMUP:-15}
KILL_AFTER=${KILL_AFTER:-15}
HOST=${MARIADB_HOST:-127.0.0.1}
PORT_DB=${MARIADB_PORT:-3306}
PORT_A=${PORT_A:-8093}
PORT_B=${PORT_B:-8094}
BROKER=${BROKER:-redis://127.0.0.1:6379}
CLUSTER_DB=${CLUSTER_DB:-corridor_cluster}
OUT=$PWD/service/target/cluster-rush
mkdir -p "$OUT/nginx"

source bench/harness.sh
HARNESS=(java -Xms256m -Xmx512m "-Dbellrush.clockTicks=$(getconf CLK_TCK)" -cp "$CP" org.corridor.benchmark.bellrush.BellRush)
harness() { "${HARNESS[@]}" "$@"; }
prop() { grep -m1 "^$2=" "$1" | cut -d= -f2- || true; }
DB_PID=$(pgrep -x mariadbd | head -1 || true)

command -v nginx > /dev/null || { echo "nginx is missing: apt-get install -y nginx"; exit 1; }
redis-cli -u "$BROKER" ping > /dev/null 2>&1 || { echo "no Redis at $BROKER (redis-server --daemonize yes)"; exit 1; }

declare -A PIDS=()
LOAD_PID=
WATCH_PID=
stop_instance() { # $1: A or B
  local pid=${PIDS[$1]:-}
  if [[ -n $pid ]] && kill -0 "$pid" 2>/dev/null; then kill "$pid"; wait "$pid" 2>/dev/null || true; fi
  PIDS[$1]=
}
stop_nginx() {
  [[ -f $OUT/nginx/nginx.pid ]] && kill "$(cat "$OUT/nginx/nginx.pid")" 2>/dev/null || true
  rm -f "$OUT/nginx/nginx.pid"
}
cleanup() {
  [[ -n $LOAD_PID ]] && kill "$LOAD_PID" 2>/dev/null || true
  [[ -n $WATCH_PID ]] && kill "$WATCH_PID" 2>/dev/null || true
  stop_instance A; stop_instance B; stop_nginx
}
trap cleanup EXIT

PROXY_PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
PROXY="http://127.0.0.1:$PROXY_PORT"

# nginx with deploy/nginx/corridor.conf: the "# tls" lines dropped, plain HTTP on PROXY_PORT, the upstream's
# servers replaced by the instances given.
start_nginx() { # $@: host:port of each instance
  stop_nginx
  local servers=""
  for s in "$@"; do servers+="    server $s max_fails=2 fail_timeout=10s;\n"; done
  sed -e '/# tls$/d' \
      -e '/^    server 10\.0\.0\.[0-9]*:8080 /d' \
      -e "s|^upstream corridor {|upstream corridor {\n$servers|" \
      -e "s|^    server_name corridor.example.org;|    listen 127.0.0.1:$PROXY_PORT;\n    server_name localhost;|" \
      deploy/nginx/corridor.conf > "$OUT/nginx/corridor.conf"
  mkdir -p "$OUT/nginx/tmp"
  cat > "$OUT/nginx/nginx.conf" <<CONF
$([[ $EUID == 0 ]] && echo "user root;")
worker_processes 1;
pid $OUT/nginx/nginx.pid;
error_log $OUT/nginx/error.log warn;
events { worker_connections 4096; }
http {
    access_log off;
    client_body_temp_path $OUT/nginx/tmp/body;
    proxy_temp_path $OUT/nginx/tmp/proxy;
    fastcgi_temp_path $OUT/nginx/tmp/fastcgi;
    uwsgi_temp_path $OUT/nginx/tmp/uwsgi;
    scgi_temp_path $OUT/nginx/tmp/scgi;
    include $OUT/nginx/corridor.conf;
}
CONF
  nginx -p "$OUT/nginx" -c "$OUT/nginx/nginx.conf" -t -q
  nginx -p "$OUT/nginx" -c "$OUT/nginx/nginx.conf"
  for _ in $(seq 1 50); do [[ -s $OUT/nginx/nginx.pid ]] && break; sleep 0.1; done
  NGINX_WORKER=$(pgrep -P "$(cat "$OUT/nginx/nginx.pid")" | head -1)
}

start_instance() { # $1: A or B, $2: port, $3: database
  CORRIDOR_DB_URL="jdbc:mariadb://$HOST:$PORT_DB/$3" CORRIDOR_DB_USER=root CORRIDOR_DB_PASSWORD= \
  CORRIDOR_BROKER_URL="$BROKER" CORRIDOR_BROKER_CHANNEL_PREFIX="$CLUSTER_DB" CORRIDOR_FORWARD_HEADERS=native \
    java -Xmx512m $GC_OPTS -jar service/target/corridor.jar --spring.profiles.active=demo --server.address=127.0.0.1 \
    --server.port="$2" > "$OUT/service-$1.log" 2>&1 &
  PIDS[$1]=$!
}
await_health() { # $1: A or B, $2: port
  local launched; launched=$(date +%s)
  for _ in $(seq 1 $(( ${HEALTH_PATIENCE:-300} * 2 ))); do
    curl -sf "http://127.0.0.1:$2/actuator/health" > /dev/null && { echo "   $1 healthy on $2 ($(( $(date +%s) - launched )) s)"; return; }
    kill -0 "${PIDS[$1]}" 2>/dev/null || { echo "instance $1 died; see $OUT/service-$1.log"; tail -30 "$OUT/service-$1.log"; exit 1; }
    sleep 0.5
  done
  echo "no health from $1 after ${HEALTH_PATIENCE:-300} s"; exit 1
}

echo "== machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg), $(nginx -v 2>&1), $(redis-server --version | cut -d' ' -f1-3)"
echo "   other work on the machine now: $(pgrep -fc '^[^ ]*java .*plexus-classworlds' || true) Maven builds," \
     "$(pgrep -fc '^[^ ]*java .*surefirebooter' || true) surefire test JVMs, $(pgrep -c java || true) JVMs in all"

rush() { # $1: one|two
  local db=${CLUSTER_DB}_rush
  recreate "$db"
  local url="jdbc:mariadb://$HOST:$PORT_DB/$db"
  if [[ $1 == one ]]; then
    start_instance A "$PORT_A" "$db"; await_health A "$PORT_A"
    start_nginx "127.0.0.1:$PORT_A"
  else
    # started together on the empty database: Flyway's lock, the seeding's lock
    start_instance A "$PORT_A" "$db"; start_instance B "$PORT_B" "$db"
    await_health A "$PORT_A"; await_health B "$PORT_B"
    start_nginx "127.0.0.1:$PORT_A" "127.0.0.1:$PORT_B"
  fi
  harness seed --db-url "$url" --schools 4 --classes 6 --students 30 > /dev/null
  echo "== bell rush through nginx, $1 instance(s), $CONCURRENCY concurrent classes, ${WARMUP} s warm-up, ${MEASURE} s measured (load average $(cut -d' ' -f1-3 /proc/loadavg))"
  harness load --base-url "$PROXY" --db-url "$url" --seconds "$MEASURE" --warmup "$WARMUP" \
    --concurrency "$CONCURRENCY" --service-pid "${PIDS[A]}" --service-pid-2 "${PIDS[B]:-0}" \
    --proxy-pid "$NGINX_WORKER" --db-pid "${DB_PID:-0}" --out "$OUT/$1.properties" > "$OUT/load-$1.log"
  echo "   load average after: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$OUT/$1.properties.load"
  stop_instance A; stop_instance B; stop_nginx
}

summary() { # $1: one|two
  local p="$OUT/$1.properties"
  awk -v rate="$(prop "$p" lifecycles_per_s)" -v a="$(prop "$p" cpu.service.cores)" -v b="$(prop "$p" cpu.service2.cores)" \
      -v db="$(prop "$p" cpu.mariadbd.cores)" -v nx="$(prop "$p" cpu.proxy.cores)" -v all="$(prop "$p" cpu.machine.busy_cores)" \
      -v errors="$(prop "$p" errors)" -v p99="$(prop "$p" latency.post_api_passes.p99_ms)" -v name="$1" 'BEGIN {
    inst = a + (b == "" ? 0 : b); per = rate > 0 ? 1000 / rate : 0
    printf "%-4s instance(s)  %6.1f lifecycles/s  errors %s  request p99 %s ms  CPU: instances %.2f cores (%.1f ms per lifecycle), MariaDB %.2f, nginx %.2f, machine %.2f (%.1f ms per lifecycle)\n",
      name, rate, errors, p99, inst, inst * per, db, nx, all, all * per }'
}

if [[ ${SKIP_RUSH:-0} != 1 ]]; then
  rush one
  rush two
  echo; echo "== Cluster bell rush summary (load average now $(cut -d' ' -f1-3 /proc/loadavg))"
  summary one | tee "$OUT/summary.txt"
  summary two | tee -a "$OUT/summary.txt"
fi

if [[ ${SKIP_CRASH:-0} != 1 ]]; then
  DB=${CLUSTER_DB}_crash
  URL="jdbc:mariadb://$HOST:$PORT_DB/$DB"
  sql() { mariadb -h "$HOST" -P "$PORT_DB" -u root -N -B "$DB" -e "$1"; }
  rm -f "$OUT"/passes.tsv "$OUT"/overdue.tsv
  echo; echo "== crash run: two instances behind nginx, kill -9 of one after $KILL_AFTER s of load"
  recreate "$DB"
  start_instance A "$PORT_A" "$DB"; start_instance B "$PORT_B" "$DB"
  await_health A "$PORT_A"; await_health B "$PORT_B"
  start_nginx "127.0.0.1:$PORT_A" "127.0.0.1:$PORT_B"
  harness seed --db-url "$URL" --schools 2 --classes 4 --students 40 > /dev/null
  for school in $(sql "select id from school where name like 'Bell Rush School %'"); do
    curl -sf -u bellrush-admin@bellrush.test:demo -X PUT -H 'Content-Type: application/json' \
      "$PROXY/api/admin/schools/$school/settings" -d '{"longRunningMinutes":1}' > /dev/null
  done
  WATCH_SECONDS=$(( KILL_AFTER + 15 + 100 ))
  "${HARNESS[@]}" watch-streams --base-url "$PROXY" --db-url "$URL" --seconds "$WATCH_SECONDS" > "$OUT/streams.log" 2>&1 &
  WATCH_PID=$!
  sleep 3
  "${HARNESS[@]}" load --base-url "$PROXY" --db-url "$URL" --seconds 3600 --warmup 0 --concurrency "$CONCURRENCY" \
    --record "$OUT/passes.tsv" --leave-active-every 4 --leave-pending-every 9 --auto-every 5 > "$OUT/crash-load.log" 2>&1 &
  LOAD_PID=$!
  sleep "$KILL_AFTER"
  kill -9 "${PIDS[A]}"; wait "${PIDS[A]}" 2>/dev/null || true; PIDS[A]=
  KILLED_MS=$(date +%s%3N)
  echo "   A killed (load average $(cut -d' ' -f1-3 /proc/loadavg)); the load goes on through nginx to B for 15 s"
  sleep 15
  kill "$LOAD_PID" 2>/dev/null || true; wait "$LOAD_PID" 2>/dev/null || true; LOAD_PID=
  echo "   answers recorded: $(cut -f2 "$OUT/passes.tsv" | sort | uniq -c | tr '\n' ' ')"
  # until every long-running timer of the passes left out is due (at most 90 s): B must fire them all
  DUE=$(sql "select coalesce(unix_timestamp(max(j.DUEDATE_)), 0) from ACT_RU_JOB j join ACT_RU_JOBDEF d on d.ID_ = j.JOB_DEF_ID_ where d.ACT_ID_ = 'Boundary_LongRunning'")
  WAIT=$(( ${DUE%.*} + 2 - $(date +%s) ))
  (( WAIT > 90 )) && WAIT=90
  if (( WAIT > 0 )); then echo "   waiting $WAIT s until the last long-running timer is due"; sleep "$WAIT"; fi
  set +e
  SNAPSHOT_MS=$(date +%s%3N)
  harness crash-snapshot --db-url "$URL" --out "$OUT/overdue.tsv" | sed 's/^Service down:/Survivor running, A dead:/' | tee "$OUT/crash-checks.txt"
  SNAPSHOT=${PIPESTATUS[0]}
  echo "   (\"after the restart\" below: after this moment, $(( (SNAPSHOT_MS - KILLED_MS) / 1000 )) s after the kill; B never stopped)"
  harness crash-verify --db-url "$URL" --record "$OUT/passes.tsv" --overdue "$OUT/overdue.tsv" \
    --restarted-at "$SNAPSHOT_MS" --patience 60 | tee -a "$OUT/crash-checks.txt"
  VERIFY=${PIPESTATUS[0]}
  wait "$WATCH_PID"; STREAMS=$?; WATCH_PID=
  set -e
  tee -a "$OUT/crash-checks.txt" < "$OUT/streams.log"
  echo "   nginx: $(grep -c 'upstream' "$OUT/nginx/error.log" || true) upstream errors logged (the dead instance)"
  if (( SNAPSHOT != 0 || VERIFY != 0 || STREAMS != 0 )); then echo "CLUSTER CRASH RUN FAILED (see $OUT)"; exit 1; fi
  echo "cluster crash run passed (details in $OUT/crash-checks.txt)"
fi
