package org.corridor.workflow.pass;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.jobexecutor.DefaultJobExecutor;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.MockExpressionManager;

/**
 * One in-memory engine per test JVM: no job executor, so timers fire only when a test
 * says so. Also builds the file-backed engines of the restart test, and fires timers the
 * way the job executor would.
 */
public final class InMemoryEngine {

    /**
     * The school's timer settings every process test starts with, all different so that a
     * swapped duration shows.
     */
    public static final PassTimers TIMERS = new PassTimers(Duration.ofMinutes(10), Duration.ofMinutes(30),
            Duration.ofMinutes(15), Duration.ofSeconds(90), Duration.ofMinutes(5), Duration.ofMinutes(7));

    /** Whole seconds: engine timestamps on some databases keep no more. */
    public static final Instant NOW = Instant.parse("2025-09-15T09:00:00Z");

    private static ProcessEngine engine;

    private InMemoryEngine() {
    }

    public static synchronized ProcessEngineExtension extension() {
        if (engine == null) {
            var config = new StandaloneInMemProcessEngineConfiguration();
            config.setJdbcUrl("jdbc:h2:mem:workflows;DB_CLOSE_DELAY=-1");
            config.setJobExecutorActivate(false);
            config.setHistory("full");
            config.setExpressionManager(new MockExpressionManager());
            config.setTenantIdProvider(new DistrictTenants());
            engine = config.buildProcessEngine();
        }
        return ProcessEngineExtension.builder().useProcessEngine(engine).build();
    }

    /**
     * An engine on a file database that outlives it. Beans, not mocks: the job executor's
     * threads do not see the test thread's thread-local mocks.
     */
    public static ProcessEngine onFile(String name, String jdbcUrl, Map<Object, Object> beans, boolean jobExecutor) {
        ProcessEngineConfigurationImpl config = new StandaloneProcessEngineConfiguration();
        config.setProcessEngineName(name);
        config.setJdbcUrl(jdbcUrl);
        config.setJdbcUsername("sa");
        config.setJdbcPassword("");
        config.setDatabaseSchemaUpdate("true");
        config.setHistory("full");
        config.setBeans(beans);
        config.setTenantIdProvider(new DistrictTenants());
        config.setJobExecutorActivate(jobExecutor);
        // A test waits a second, not the default minute of back-off, for a timer it has
        // made due.
        DefaultJobExecutor executor = new DefaultJobExecutor();
        executor.setMaxWait(1_000);
        executor.setWaitTimeInMillis(200);
        executor.setLockTimeInMillis(30_000);
        config.setJobExecutor(executor);
        return config.buildProcessEngine();
    }

    /** The one timer job waiting at the given event. */
    public static Job timerAt(ManagementService management, String activityId) {
        List<Job> jobs = management.createJobQuery().timers().activityId(activityId).list();
        if (jobs.size() != 1) {
            throw new AssertionError("expected one timer at " + activityId + ", found " + jobs.size());
        }
        return jobs.get(0);
    }

    /**
     * Moves the engine's clock to the timer's due date and fires it, as the job executor
     * would then.
     */
    public static void fire(ManagementService management, String activityId) {
        Job job = timerAt(management, activityId);
        if (job.getDuedate().after(ClockUtil.getCurrentTime())) {
            ClockUtil.setCurrentTime(job.getDuedate());
        }
        management.executeJob(job.getId());
    }

    public static Date at(Instant instant) {
        return Date.from(instant);
    }

}
