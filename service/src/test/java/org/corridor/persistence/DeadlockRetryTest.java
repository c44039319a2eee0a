package org.corridor.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLTransactionRollbackException;
import java.util.concurrent.atomic.AtomicInteger;

import org.camunda.bpm.engine.ProcessEnginePersistenceException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.CannotAcquireLockException;

class DeadlockRetryTest {

    @Test
    void deadlockVictimIsRestartedAndTheSecondAttemptAnswers() {
        AtomicInteger attempts = new AtomicInteger();

        String answer = DeadlockRetry.run(() -> {
            if (attempts.incrementAndGet() == 1) {
                throw new CannotAcquireLockException("deadlock", new SQLTransactionRollbackException("Deadlock found"));
            }
            return "done";
        });

        assertThat(answer).isEqualTo("done");
        assertThat(attempts).hasValue(2);
    }

    @Test
    void deadlockWrappedByTheEngineIsRecognised() {
        var wrapped = new ProcessEnginePersistenceException("flush failed",
                new RuntimeException(new SQLTransactionRollbackException("Deadlock found", "40001")));

        assertThat(DeadlockRetry.isDeadlockVictim(wrapped)).isTrue();
    }

    @Test
    void otherFailuresAreNotRetried() {
        AtomicInteger attempts = new AtomicInteger();

        assertThatThrownBy(() -> DeadlockRetry.run(() -> {
            attempts.incrementAndGet();
            throw new IllegalStateException("not a lock problem");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(attempts).hasValue(1);
    }

    @Test
    void givesUpAfterThreeAttempts() {
        AtomicInteger attempts = new AtomicInteger();

        assertThatThrownBy(() -> DeadlockRetry.run(() -> {
            attempts.incrementAndGet();
            throw new CannotAcquireLockException("deadlock");
        })).isInstanceOf(CannotAcquireLockException.class);
        assertThat(attempts).hasValue(3);
    }

}
