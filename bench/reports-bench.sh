#!/usr/bin/env bash
# Times each report of GET /api/reports/{kind} over a seeded school year of one school on MariaDB
# (issue 19; BENCHMARKS.md, "Reports"). Needs a running Corridor (demo profile) on a MariaDB database
# of its own, and the mariadb client:
#
#   mariadb -uroot -e 'create database corridor_bench'
#   java -jar service/target/corridor.jar --spring.profiles.active=demo --server.port=8098 \
#        --spring.datasource.url=jdbc:mariadb://127.0.0.1:3306/corridor_bench \
#        --spring.datasource.username=root --spring.datasource.password= --camunda.bpm.database.type=mysql &
#   bench/reports-bench.sh corridor_bench 200000 http://localhost:8098 4
#
# Seeds PASSES passes into the demo school (Sept 2025 to June 2026, school hours, 85 % completed, 5 % ended
# by the system, 6 % denied, 4 % expired, 5 % flagged), then copies them into OTHERS more schools of the
# district (4: a 1,000,000-pass district around the 200,000-pass school), then asks each report of the demo
# school three times for the year. Run it again to add more. The passes are summarized for the reports
# (pass_summary, pass_tally) with V33's backfill, run from service/target/corridor.jar (JAR=... for another).
set -euo pipefail
DB=${1:?database}; PASSES=${2:-200000}; BASE=${3:-http://localhost:8098}; OTHERS=${4:-0}
SQL="mariadb -uroot $DB"
start=$(date +%s)
$SQL <<SQL
SET @school = (SELECT school_id FROM person WHERE email_key = 'ava@corridor.test');
CREATE TEMPORARY TABLE st AS SELECT id, district_id, ROW_NUMBER() OVER (ORDER BY id) - 1 n
  FROM person WHERE school_id = @school AND student_number IS NOT NULL;
CREATE TEMPORARY TABLE de AS SELECT id, ROW_NUMBER() OVER (ORDER BY id) - 1 n
  FROM location WHERE school_id = @school AND is_destination;
CREATE TEMPORARY TABLE se AS SELECT id, room_id, main_teacher_id, ROW_NUMBER() OVER (ORDER BY id) - 1 n
  FROM section WHERE school_id = @school;
SET @ns = (SELECT COUNT(*) FROM st), @nd = (SELECT COUNT(*) FROM de), @nc = (SELECT COUNT(*) FROM se);
INSERT INTO hall_pass (id, district_id, school_id, student_id, pass_type, channel, state, departing_section_id,
  departing_room_id, destination_id, routed_to_id, created_by_id, requested_at, approved_at, started_at, ended_at,
  long_running_at, decided_by_id, version)
SELECT UUID(), st.district_id, @school, st.id, 'REGULAR', 'DEVICE',
  CASE WHEN q.seq % 100 < 85 THEN 'COMPLETED' WHEN q.seq % 100 < 90 THEN 'ENDED_BY_SYSTEM'
       WHEN q.seq % 100 < 96 THEN 'DENIED' ELSE 'EXPIRED' END,
  se.id, se.room_id, de.id, se.main_teacher_id, st.id, q.t,
  IF(q.seq % 100 < 90 AND q.seq % 2 = 0, q.t, NULL), IF(q.seq % 100 < 90, q.t, NULL),
  q.t + INTERVAL (30 + (q.seq * 7919) % 1500) SECOND,
  IF(q.seq % 100 BETWEEN 85 AND 89, q.t + INTERVAL 10 MINUTE, NULL), se.main_teacher_id, 0
FROM (SELECT seq, TIMESTAMP('2025-09-01 11:30:00') + INTERVAL ((seq * 31) % 302) DAY
        + INTERVAL ((seq * 97) % 480) MINUTE t FROM seq_1_to_${PASSES}) q
JOIN st ON st.n = (q.seq * 13) % @ns
JOIN de ON de.n = (q.seq * 17) % @nd
JOIN se ON se.n = (q.seq * 7) % @nc;
INSERT INTO pass_flag (pass_id, ordinal, code, severity, message, student_message, rule_name, rule_set_version)
SELECT id, 0, IF(RAND() < 0.5, 'NO_CONTACT', 'PASS_LIMIT_DAILY'), 'WARN', 'flagged', 'flagged', 'rule', 'v1'
FROM hall_pass h WHERE school_id = @school AND RAND() < 0.05
  AND NOT EXISTS (SELECT 1 FROM pass_flag f WHERE f.pass_id = h.id);
SQL
if [ "$OTHERS" -gt 0 ]; then
$SQL <<SQL
SET @school = (SELECT school_id FROM person WHERE email_key = 'ava@corridor.test');
CREATE TEMPORARY TABLE other AS SELECT UUID() id, seq FROM seq_1_to_${OTHERS};
INSERT INTO school (id, district_id, name, time_zone, long_running_minutes, auto_end_minutes,
  request_expiry_minutes, version)
SELECT other.id, district_id, CONCAT('Bench school ', other.seq), time_zone, long_running_minutes,
  auto_end_minutes, request_expiry_minutes, 0 FROM school, other WHERE school.id = @school;
INSERT INTO hall_pass (id, district_id, school_id, student_id, pass_type, channel, state, departing_section_id,
  departing_room_id, destination_id, routed_to_id, created_by_id, requested_at, approved_at, started_at, ended_at,
  long_running_at, decided_by_id, version)
SELECT UUID(), h.district_id, other.id, h.student_id, h.pass_type, h.channel, h.state, h.departing_section_id,
  h.departing_room_id, h.destination_id, h.routed_to_id, h.created_by_id, h.requested_at, h.approved_at,
  h.started_at, h.ended_at, h.long_running_at, h.decided_by_id, 0
FROM hall_pass h, other WHERE h.school_id = @school;
SQL
fi
# The passes were written with SQL, not ended by Corridor: summarize them as V33 summarizes an upgraded
# database's (the same code, run on the database from the service's jar).
JAR=${JAR:-$(dirname "$0")/../service/target/corridor.jar}
java -cp "$JAR" -Dloader.main=org.corridor.report.PassSummaryBackfill \
  org.springframework.boot.loader.launch.PropertiesLauncher "jdbc:mariadb://127.0.0.1:3306/$DB" root
$SQL -e "ANALYZE TABLE hall_pass, pass_flag, pass_summary, pass_tally"
echo "seeded $PASSES passes (and copies in $OTHERS more schools) in $(( $(date +%s) - start )) s"
SCHOOL=$($SQL -N -e "SELECT school_id FROM person WHERE email_key = 'ava@corridor.test'")
for kind in by-day by-hour by-destination by-teacher by-grade by-student by-rule no-contact long-running; do
  times=""
  for run in 1 2 3; do
    t=$(curl -s -o /dev/null -w '%{time_total}' -u admin@corridor.test:demo \
      "$BASE/api/reports/$kind?schoolId=$SCHOOL&from=2025-09-01&to=2026-06-30")
    times="$times $t"
  done
  echo "$kind:$times s"
done
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
