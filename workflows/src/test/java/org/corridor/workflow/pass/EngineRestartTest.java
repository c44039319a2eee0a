package org.corridor.workflow.pass;

import static org.assertj.core.api.Assertions.assertThat;
import static org.corridor.workflow.pass.InMemoryEngine.NOW;
import static org.corridor.workflow.pass.InMemoryEngine.TIMERS;
import static org.corridor.workflow.pass.InMemoryEngine.at;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A pass's timers live in the database, not in the JVM that started the pass: a deploy or
 * crash between activation and the long-running threshold must not leave a student out
 * forever without a yellow badge. And what a timer set after a restart needs (its
 * duration) is asked of the school then, not kept in memory.
 */
class EngineRestartTest {

    private static final PassRef PASS = new PassRef("pass-restart", "district-north");

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    private String jdbcUrl;

    private ProcessEngine before;

    private ProcessEngine after;

    @BeforeEach
    void fixTheClock() {
        jdbcUrl = "jdbc:h2:file:" + dir.resolve("engine").toAbsolutePath();
        ClockUtil.setCurrentTime(at(NOW));
    }

    @AfterEach
    void closeEnginesAndResetTheClock() {
        if (after != null) {
            after.close();
        }
        if (before != null) {
            before.close();
        }
        ClockUtil.reset();
    }

    @Test
    void outTimersFireAfterTheEngineRestartsOnTheSameDatabase() throws Exception {
        RecordedPasses passesBefore = new RecordedPasses();
        passesBefore.startsWithoutApproval = true;
        before = InMemoryEngine.onFile("before-restart", jdbcUrl, passesBefore.asBeans(), false);
        before.getRepositoryService().createDeployment().addClasspathResource("bpmn/pass-lifecycle.bpmn").deploy();
        new PassLifecycle(before).start(PASS, "teacher-rivera");
        assertThat(before.getManagementService().createJobQuery().timers().count()).isEqualTo(2);
        before.close();
        before = null;
        shutDownDatabase();

        RecordedPasses passesAfter = new RecordedPasses();
        after = InMemoryEngine.onFile("after-restart", jdbcUrl, passesAfter.asBeans(), true);

        moveClockTo(NOW.plus(TIMERS.longRunning()).plusSeconds(1));
        // Waits for the commit too: firing the auto-end on top of an uncommitted
        // long-running mark would
        // only measure the engine's optimistic-locking retry, not the restart.
        await(() -> passesAfter.changes.contains("mark long-running " + PASS.passId())
                && after.getManagementService().createJobQuery().timers().count() == 1);
        moveClockTo(NOW.plus(TIMERS.autoEnd()).plusSeconds(1));
        await(() -> new PassLifecycle(after).hasEnded(PASS));

        assertThat(passesAfter.changes).containsExactly("mark long-running " + PASS.passId(),
                "end by system " + PASS.passId());
    }

    @Test
    void requestApprovedAfterARestartGetsItsOutTimersFromTheSchool() throws Exception {
        before = InMemoryEngine.onFile("before-restart", jdbcUrl, new RecordedPasses().asBeans(), false);
        before.getRepositoryService().createDeployment().addClasspathResource("bpmn/pass-lifecycle.bpmn").deploy();
        new PassLifecycle(before).start(PASS, "teacher-rivera");
        before.close();
        before = null;
        shutDownDatabase();
        after = InMemoryEngine.onFile("after-restart", jdbcUrl, new RecordedPasses().asBeans(), false);

        new PassLifecycle(after).approve(PASS);

        // Nothing of the first engine's memory is needed: the durations come from the
        // school's settings now.
        assertThat(InMemoryEngine.timerAt(after.getManagementService(), "Boundary_LongRunning").getDuedate())
            .isEqualTo(at(NOW.plus(TIMERS.longRunning())));
    }

    /**
     * Closes the file so that the second engine reads the timers from disk, not from H2's
     * memory.
     */
    private void shutDownDatabase() throws Exception {
        try (Connection connection = DriverManager.getConnection(jdbcUrl, "sa", "");
                Statement statement = connection.createStatement()) {
            statement.execute("SHUTDOWN");
        }
    }

    private static void moveClockTo(Instant instant) {
        ClockUtil.setCurrentTime(at(instant));
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + PATIENCE);
            }
            Thread.sleep(100);
        }
    }

}
