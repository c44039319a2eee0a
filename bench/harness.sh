# Sourced by the bench scripts (from the repository root): builds corridor.jar and the bell-rush harness when
# they are missing (or BUILD=1), and sets CP, the harness's class path.
if [[ ${BUILD:-0} == 1 || ! -f service/target/corridor.jar || ! -f service/target/bellrush.classpath \
      || ! -f service/target/test-classes/org/corridor/benchmark/bellrush/BellRush.class ]]; then
  echo "== building corridor.jar and the harness"
  ./mvnw -q -pl service -am -DskipTests package dependency:build-classpath -Dmdep.outputFile=target/bellrush.classpath
fi
# The collector docs/operators.md recommends for Corridor's 512 MB heap on a small machine; the bare engine's JVM gets
# the same. GC_OPTS= (empty) measures the JVM's default (G1).
GC_OPTS=${GC_OPTS--XX:+UseParallelGC}
CP="service/target/test-classes:service/target/classes:$(cat service/target/bellrush.classpath)"

# Drops and recreates a database on the benchmark's MariaDB server (HOST, PORT_DB).
recreate() { mariadb -h "$HOST" -P "$PORT_DB" -u root -e "drop database if exists $1; create database $1"; }
