package org.corridor.persistence;

import java.sql.SQLException;
import java.sql.SQLTransactionRollbackException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.PessimisticLockingFailureException;

/**
 * At a bell rush MariaDB sometimes picks one of two transactions as a deadlock victim
 * (the engine's inserts and Corridor's row locks meet in InnoDB's lock manager) and rolls
 * it back whole. The database asks for the transaction to be restarted, so a short,
 * bounded retry of the whole call is the honest answer; only when it keeps losing does
 * the caller get a 409 to try again.
 */
public final class DeadlockRetry {

    private static final Logger log = LoggerFactory.getLogger(DeadlockRetry.class);
    static final int ATTEMPTS = 3;

    private DeadlockRetry() {
    }

    /**
     * Runs {@code transaction} (which must begin and end its own transaction), again if
     * it was a deadlock victim. Services ask for it with {@link RestartOnDeadlock}, not
     * by calling this.
     */
    static <T> T run(Supplier<T> transaction) {
        for (int attempt = 1;; attempt++) {
            try {
                return transaction.get();
            }
            catch (RuntimeException e) {
                if (attempt >= ATTEMPTS || !isDeadlockVictim(e)) {
                    throw e;
                }
                log.info("Deadlock victim, attempt {} of {}; restarting the transaction", attempt, ATTEMPTS);
                pause(attempt);
            }
        }
    }

    /**
     * True when the database rolled the transaction back to break a deadlock or a lock
     * wait.
     */
    public static boolean isDeadlockVictim(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLTransactionRollbackException
                    || cause instanceof PessimisticLockingFailureException) {
                return true;
            }
            if (cause instanceof SQLException sql && "40001".equals(sql.getSQLState())) {
                return true;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(5, 20) * attempt);
        }
        catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while retrying a deadlocked transaction", interrupted);
        }
    }

}
