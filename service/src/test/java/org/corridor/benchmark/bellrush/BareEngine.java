package org.corridor.benchmark.bellrush;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.LongAdder;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.jobexecutor.DefaultJobExecutor;
import org.camunda.bpm.engine.impl.persistence.StrongUuidGenerator;

import org.corridor.workflow.pass.DecideApproval;
import org.corridor.workflow.pass.DistrictTenants;
import org.corridor.workflow.pass.EvaluatePolicy;
import org.corridor.workflow.pass.PassLifecycle;
import org.corridor.workflow.pass.PassTransitions;
import org.corridor.workflow.pass.PassRef;
import org.corridor.workflow.pass.PassTimers;
import org.corridor.workflow.pass.TimerDurations;

/**
 * The baseline: the same BPMN ({@code bpmn/pass-lifecycle.bpmn} from the workflows
 * module) on the same MariaDB server, driven in-process through the same
 * {@link PassLifecycle} calls the service makes, with no HTTP, no rules and no
 * application tables: every service task is a no-op except that policy never blocks and
 * every request needs approval, and the timers' durations are the school defaults,
 * answered from memory. The process variables are the service's: all transient. Engine
 * settings as in the service's application.yml: database type mysql, READ COMMITTED,
 * Connector/J with nullDatabaseMeansCurrent and server-prepared statements, history level
 * audit, the job executor on with the same pool and acquisition settings, UUID ids (the
 * Spring Boot starter's default), a 10-connection pool.
 * <p>
 * Each of {@code --concurrency} workers runs lifecycles back to back: start (request ->
 * routed: the approval task exists), complete the approval task, correlate
 * Message_PassEnded.
 */
final class BareEngine {

    /** A school's timer settings as a new school has them (School's defaults). */
    private static final PassTimers SCHOOL_DEFAULTS = new PassTimers(Duration.ofMinutes(10), Duration.ofMinutes(45),
            Duration.ofMinutes(15), Duration.ofSeconds(120), Duration.ofSeconds(300));

    private static final String[] STEPS = { "start (request -> routed)", "approve (complete user task)",
            "end (correlate Message_PassEnded)", "whole lifecycle (3 calls)" };

    private BareEngine() {
    }

    static void run(Args args) throws Exception {
        int concurrency = args.integer("concurrency", 8);
        int warmup = args.integer("warmup", 15);
        int seconds = args.integer("seconds", 60);
        try (HikariDataSource dataSource = pool(args)) {
            ProcessEngine engine = engine(dataSource);
            try {
                measure(engine, concurrency, warmup, seconds, args);
            }
            finally {
                engine.close();
            }
        }
    }

    /**
     * The pool the service has: READ COMMITTED (the engine refuses MariaDB's default),
     * ten connections.
     */
    private static HikariDataSource pool(Args args) {
        HikariConfig pool = new HikariConfig();
        pool.setJdbcUrl(args.string("db-url", null));
        pool.setUsername(args.string("db-user", "root"));
        pool.setPassword(args.string("db-password", ""));
        pool.addDataSourceProperty("nullDatabaseMeansCurrent", "true");
        pool.addDataSourceProperty("useServerPrepStmts", "true");
        pool.setTransactionIsolation("TRANSACTION_READ_COMMITTED");
        pool.setMaximumPoolSize(10);
        pool.setAutoCommit(false);
        return new HikariDataSource(pool);
    }

    /**
     * Statements per step, counted as {@link LoadGenerator#countStatements} counts them
     * for the service.
     */
    static void countStatements(Args args) throws Exception {
        String url = args.string("db-url", null);
        try (HikariDataSource dataSource = pool(args)) {
            ProcessEngine engine = engine(dataSource);
            try (StatementCounter counter = new StatementCounter(url, args.string("db-user", "root"),
                    args.string("db-password", ""), url.substring(url.lastIndexOf('/') + 1).split("\\?")[0],
                    Path.of(args.string("general-log", "/var/lib/mysql/bellrush-general.log")))) {
                PassLifecycle lifecycle = new PassLifecycle(engine);
                int warm = args.integer("warmup-lifecycles", 50);
                int lifecycles = args.integer("lifecycles", 200);
                for (int i = 0; i < warm + lifecycles; i++) {
                    if (i == warm) {
                        counter.start();
                    }
                    PassRef pass = new PassRef(UUID.randomUUID().toString(), "bell-rush-district");
                    step(counter, i >= warm, STEPS[0], () -> lifecycle.start(pass, "teacher"));
                    step(counter, i >= warm, STEPS[1], () -> lifecycle.approve(pass));
                    step(counter, i >= warm, STEPS[2], () -> lifecycle.end(pass));
                }
                counter.stop();
                LoadGenerator.report(counter.count(), lifecycles, "bare engine", null);
            }
            finally {
                engine.close();
            }
        }
    }

    private static void step(StatementCounter counter, boolean counting, String name, Runnable step) {
        if (counting) {
            counter.mark("call " + name);
        }
        step.run();
        if (counting) {
            counter.mark("done");
        }
    }

    private static ProcessEngine engine(HikariDataSource dataSource) {
        StandaloneProcessEngineConfiguration config = new StandaloneProcessEngineConfiguration();
        config.setProcessEngineName("bellrush-bare");
        config.setDataSource(dataSource);
        config.setTransactionsExternallyManaged(false);
        config.setDatabaseType("mysql");
        config.setDatabaseSchemaUpdate("true");
        config.setHistory("audit");
        config.setIdGenerator(new StrongUuidGenerator());
        config.setAuthorizationEnabled(false);
        config.setHistoryCleanupBatchWindowStartTime("01:00");
        config.setHistoryCleanupBatchWindowEndTime("05:00");
        DefaultJobExecutor jobs = new DefaultJobExecutor();
        jobs.setCorePoolSize(2);
        jobs.setMaxPoolSize(4);
        jobs.setQueueSize(20);
        jobs.setLockTimeInMillis(30_000);
        jobs.setWaitTimeInMillis(500);
        jobs.setMaxWait(2_000);
        jobs.setMaxJobsPerAcquisition(5);
        config.setJobExecutor(jobs);
        config.setJobExecutorActivate(true);
        JavaDelegate nothing = execution -> {
        };
        Map<Object, Object> beans = new LinkedHashMap<>();
        // The service's own delegates for the two gateways, so that the variables are the
        // service's (transient).
        beans.put("evaluatePolicy", new EvaluatePolicy(passId -> false));
        beans.put("decideApproval", new DecideApproval(EVERY_REQUEST_NEEDS_APPROVAL));
        // The timers ask for their durations as in the service, and get the school
        // defaults (none fires in a run).
        beans.put("timerDurations", new TimerDurations(passId -> SCHOOL_DEFAULTS));
        for (String name : List.of("denyPass", "routeRequest", "cancelPass", "announceAgain", "escalateRequest",
                "expireRequest", "activatePass", "markLongRunning", "endBySystem", "completePass")) {
            beans.put(name, nothing);
        }
        config.setBeans(beans);
        config.setTenantIdProvider(new DistrictTenants());
        ProcessEngine engine = config.buildProcessEngine();
        engine.getRepositoryService()
            .createDeployment()
            .name("bell-rush baseline")
            .enableDuplicateFiltering(true)
            .addClasspathResource("bpmn/pass-lifecycle.bpmn")
            .deploy();
        return engine;
    }

    private static void measure(ProcessEngine engine, int concurrency, int warmup, int seconds, Args args)
            throws InterruptedException, IOException {
        PassLifecycle lifecycle = new PassLifecycle(engine);
        Map<String, Latencies> latencies = new LinkedHashMap<>();
        for (String step : STEPS) {
            latencies.put(step, new Latencies());
        }
        LongAdder done = new LongAdder();
        LongAdder errors = new LongAdder();
        boolean[] flags = new boolean[2]; // [0] recording, [1] stop
        Object lock = new Object();
        List<Thread> workers = new ArrayList<>();
        for (int w = 0; w < concurrency; w++) {
            String teacher = "teacher-" + w;
            workers.add(new Thread(() -> {
                while (true) {
                    boolean recording;
                    synchronized (lock) {
                        if (flags[1]) {
                            return;
                        }
                        recording = flags[0];
                    }
                    PassRef pass = new PassRef(UUID.randomUUID().toString(), "bell-rush-district");
                    try {
                        long t0 = System.nanoTime();
                        lifecycle.start(pass, teacher);
                        long t1 = System.nanoTime();
                        lifecycle.approve(pass);
                        long t2 = System.nanoTime();
                        lifecycle.end(pass);
                        long t3 = System.nanoTime();
                        synchronized (lock) {
                            recording = recording && flags[0];
                        }
                        if (recording) {
                            latencies.get(STEPS[0]).add((t1 - t0) / 1000);
                            latencies.get(STEPS[1]).add((t2 - t1) / 1000);
                            latencies.get(STEPS[2]).add((t3 - t2) / 1000);
                            latencies.get(STEPS[3]).add((t3 - t0) / 1000);
                            done.increment();
                        }
                    }
                    catch (RuntimeException e) {
                        errors.increment();
                        System.err.println("bare engine: " + e);
                    }
                }
            }, "bare-" + w));
        }
        ProcSampler sampler = new ProcSampler().watch("engine", ProcessHandle.current().pid())
            .watch("mariadbd", args.longValue("db-pid", 0));
        System.out.printf("Bare engine in-process: closed loop, %d workers; %d s warm-up, %d s measured%n", concurrency,
                warmup, seconds);
        workers.forEach(Thread::start);
        Thread.sleep(warmup * 1000L);
        synchronized (lock) {
            flags[0] = true;
        }
        sampler.start();
        long began = System.nanoTime();
        Thread.sleep(seconds * 1000L);
        synchronized (lock) {
            flags[0] = false;
            flags[1] = true;
        }
        double measured = (System.nanoTime() - began) / 1e9;
        Map<String, Object> usage = sampler.stop();
        for (Thread worker : workers) {
            worker.join(30_000);
        }
        double rate = done.sum() / measured;
        System.out.printf("%nbare engine: %d full lifecycles in %.1f s = %.1f lifecycles/s; errors %d%n", done.sum(),
                measured, rate, errors.sum());
        System.out.println(Latencies.header());
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("mode", "bare engine, closed loop, " + concurrency + " workers");
        properties.put("seconds", Math.round(measured * 10) / 10.0);
        properties.put("lifecycles", done.sum());
        properties.put("lifecycles_per_s", Math.round(rate * 10) / 10.0);
        properties.put("errors", errors.sum());
        latencies.forEach((name, l) -> {
            Latencies.Summary summary = l.summary();
            System.out.println(summary.row(name));
            properties.putAll(summary.asProperties("latency." + LoadGenerator.key(name)));
        });
        System.out.println("usage: " + usage);
        properties.putAll(usage);
        if (args.has("out")) {
            StringBuilder text = new StringBuilder();
            properties.forEach((k, v) -> text.append(k).append('=').append(v).append('\n'));
            Files.writeString(Path.of(args.string("out", null)), text);
        }
    }

    /**
     * The pass table of a bare engine: none. Every request needs a teacher's approval;
     * nothing is recorded.
     */
    private static final PassTransitions EVERY_REQUEST_NEEDS_APPROVAL = new PassTransitions() {
        @Override
        public boolean startsWithoutApproval(String passId) {
            return false;
        }

        @Override
        public boolean joinsLine(String passId) {
            return false;
        }

        @Override
        public void route(String passId) {
        }

        @Override
        public void joinLine(String passId) {
        }

        @Override
        public void expireWaiting(String passId) {
        }

        @Override
        public void activate(String passId) {
        }

        @Override
        public void deny(String passId) {
        }

        @Override
        public void cancel(String passId) {
        }

        @Override
        public void announceAgain(String passId) {
        }

        @Override
        public void escalate(String passId) {
        }

        @Override
        public void expire(String passId) {
        }

        @Override
        public void markLongRunning(String passId) {
        }

        @Override
        public void endBySystem(String passId) {
        }

        @Override
        public void complete(String passId) {
        }
    };

}
