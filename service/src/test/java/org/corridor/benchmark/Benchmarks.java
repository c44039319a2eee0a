package org.corridor.benchmark;

/**
 * Runs Corridor's JMH benchmarks (see BENCHMARKS.md at the top of the repository). Every
 * argument goes to JMH unchanged: {@code -h} lists them; with none, every benchmark runs
 * with its defaults (the policy evaluation on H2 only; add {@code -p database=h2,mariadb}
 * for MariaDB as well).
 *
 * <p>
 * Start it with {@code java -cp ...}, never inside the Maven JVM ({@code exec:java}): JMH
 * forks new JVMs with this JVM's class path.
 */
public final class Benchmarks {

    private Benchmarks() {
    }

    public static void main(String[] args) throws Exception {
        org.openjdk.jmh.Main.main(args);
    }

}
