package org.corridor.benchmark;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

import jakarta.persistence.EntityManagerFactory;

import org.hibernate.Session;
import org.hibernate.SessionEventListener;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.orm.jpa.EntityManagerFactoryUtils;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Counts and times the JDBC statements one unit of work sends through its Hibernate
 * session: a listener on that session alone (not the whole application), so the engine's
 * job executor and other threads are not counted. Used by the benchmark's set-up to
 * report the statements of one evaluation; not part of a measurement.
 */
final class StatementProfile {

    private final TransactionTemplate transaction;

    private final EntityManagerFactory entityManagers;

    private final LoggingSystem logging;

    StatementProfile(TransactionTemplate transaction, EntityManagerFactory entityManagers, LoggingSystem logging) {
        this.transaction = transaction;
        this.entityManagers = entityManagers;
        this.logging = logging;
    }

    /** What one run sent: the statements and each one's execution time (µs), in order. */
    record Run(int prepared, long[] executeMicros, long totalMicros) {
    }

    /**
     * Runs the work once with Hibernate's SQL log on (so the statements appear in the
     * output), once per run.
     */
    Run once(Supplier<?> work, boolean showSql) {
        if (showSql) {
            logging.setLogLevel("org.hibernate.SQL", LogLevel.DEBUG);
        }
        try {
            return transaction.execute(status -> {
                Listener listener = new Listener();
                EntityManagerFactoryUtils.getTransactionalEntityManager(entityManagers)
                    .unwrap(Session.class)
                    .addEventListeners(listener);
                long started = System.nanoTime();
                work.get();
                long total = (System.nanoTime() - started) / 1_000;
                return new Run(listener.prepared, listener.micros.stream().mapToLong(Long::longValue).toArray(), total);
            });
        }
        finally {
            if (showSql) {
                logging.setLogLevel("org.hibernate.SQL", LogLevel.WARN);
            }
        }
    }

    /**
     * The median over {@code runs} runs, per statement (by position) and in total; every
     * run must send the same number.
     */
    String summary(Supplier<?> work, int runs) {
        List<Run> all = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            all.add(once(work, false));
        }
        int statements = all.get(0).executeMicros().length;
        if (all.stream().anyMatch(r -> r.executeMicros().length != statements)) {
            return "runs sent different numbers of statements";
        }
        StringBuilder out = new StringBuilder();
        out.append(statements)
            .append(" statements (")
            .append(all.get(0).prepared())
            .append(" prepared); median of ")
            .append(runs)
            .append(" runs: total ")
            .append(median(all.stream().mapToLong(Run::totalMicros).toArray()))
            .append(" µs, statements executing ");
        long sum = 0;
        List<String> each = new ArrayList<>();
        for (int i = 0; i < statements; i++) {
            int index = i;
            long m = median(all.stream().mapToLong(r -> r.executeMicros()[index]).toArray());
            sum += m;
            each.add(String.valueOf(m));
        }
        return out.append(sum).append(" µs [").append(String.join(", ", each)).append("]").toString();
    }

    private static long median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static final class Listener implements SessionEventListener {

        private final List<Long> micros = new ArrayList<>();

        private int prepared;

        private long started;

        @Override
        public void jdbcPrepareStatementStart() {
            prepared++;
        }

        @Override
        public void jdbcExecuteStatementStart() {
            started = System.nanoTime();
        }

        @Override
        public void jdbcExecuteStatementEnd() {
            micros.add((System.nanoTime() - started) / 1_000);
        }

    }

}
