package org.corridor.benchmark;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import org.corridor.CorridorApplication;
import org.corridor.testing.OccupancyCounters;
import org.corridor.testing.TestDatabases;
import org.corridor.pass.Pass;
import org.corridor.pass.PassPolicy;
import org.corridor.pass.PassRepository;
import org.corridor.person.Person;
import org.corridor.policy.DistrictRules;
import org.corridor.policy.FactSnapshot;
import org.corridor.policy.PolicyEvaluation;
import org.corridor.rules.CompiledRuleSet;
import org.corridor.rules.RaisedFlag;

/**
 * One policy evaluation for one request in a busy district: the demo school plus 10,000
 * students, all of them out on an ACTIVE pass, and 1,000 no-contact pairs, five of them
 * between the requesting student (Ava) and a partner who is out. Ava's PENDING pass to
 * the Restroom is evaluated.
 *
 * <ul>
 * <li>{@link #evaluate}: what the service adds to a request per evaluation,
 * {@code PolicyEvaluation.evaluate(pass)} inside a transaction already open, as both
 * callers hold one (the engine's first step, {@code RecordedPolicyCheck}, and an
 * approval, {@code PassDecisions.approve}): the facts loaded from the database, the
 * district's active rules looked up and run, the facts written as JSON. The transaction
 * is opened before each iteration and rolled back after it (nothing is written): its
 * begin and commit are the request's, paid once whatever it does.</li>
 * <li>{@link #evaluateInOwnTransaction}: the same in a read-only transaction of its own
 * per call, as this benchmark measured it until December 2026: five more statements on
 * MariaDB (read-only on and off, autocommit off and on, the commit).</li>
 * <li>{@link #loadFacts}: the fact loading alone ({@code PassFacts.of(pass)},
 * package-private, called reflectively), inside the open transaction.</li>
 * <li>{@link #rulesOnly}: the compiled rules alone on the facts loaded once at set-up,
 * {@code CompiledRuleSet.evaluate(snapshot.facts())}: no database.</li>
 * </ul>
 *
 * The service runs against a fresh H2 in-memory database ({@code -p database=h2}, the
 * default; another H2 URL with {@code -Dcorridor.bench.h2.url}) or the MariaDB server at
 * {@code -Dcorridor.bench.mariadb.url} (default {@value #MARIADB_URL}, user root, no
 * password) whose tables are dropped first ({@code -p database=mariadb}). Each fork
 * starts its own application and seeds its own data.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = { "-Xms1g", "-Xmx1g" })
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class PolicyEvaluationBenchmark {

    static final String MARIADB_URL = "jdbc:mariadb://127.0.0.1:3306/corridor_bench";
    static final String H2_URL = "jdbc:h2:mem:corridor-bench;DB_CLOSE_DELAY=-1";
    static final int STUDENTS = 10_000;
    static final int NO_CONTACT_PAIRS = 1_000;
    static final int REQUESTER_PARTNERS_OUT = 5;

    private static final int BATCH = 1_000;

    @Param({ "h2" })
    public String database;

    private ConfigurableApplicationContext context;

    private TransactionTemplate readOnly;

    private PlatformTransactionManager transactions;

    private PolicyEvaluation policy;

    private Object passFacts;

    private Method factsOf;

    private Pass pass;

    private CompiledRuleSet rules;

    private FactSnapshot snapshot;

    @Setup(Level.Trial)
    public void start() throws Exception {
        long started = System.nanoTime();
        context = application();
        try {
            prepare(started);
        }
        catch (Exception | Error e) {
            stop();
            throw e;
        }
    }

    private void prepare(long started) throws Exception {
        long seeded = System.nanoTime();
        JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
        TransactionTemplate writing = new TransactionTemplate(context.getBean(PlatformTransactionManager.class));
        String passId = writing
            .execute(status -> new BusyDistrict(jdbc, context.getBean(Clock.class).instant()).load());
        long loaded = System.nanoTime();

        transactions = context.getBean(PlatformTransactionManager.class);
        readOnly = new TransactionTemplate(transactions);
        readOnly.setReadOnly(true);
        policy = context.getBean(PolicyEvaluation.class);
        passFacts = context.getBean(Class.forName("org.corridor.policy.PassFacts"));
        factsOf = passFacts.getClass().getDeclaredMethod("of", Pass.class);
        factsOf.setAccessible(true);
        pass = context.getBean(PassRepository.class).findById(passId).orElseThrow();
        rules = context.getBean(DistrictRules.class).active(pass.getDistrictId());
        snapshot = readOnly.execute(status -> facts());

        // Benchmark the path that works, not the "policy could not be checked" fallback.
        PassPolicy.Outcome outcome = evaluateInOwnTransaction();
        List<String> codes = outcome.flags().stream().map(RaisedFlag::code).sorted().toList();
        List<String> ruleCodes = rulesOnly().stream().map(RaisedFlag::code).sorted().toList();
        if (codes.contains("POLICY_UNAVAILABLE") || !codes.equals(ruleCodes)
                || codes.stream().filter("NO_CONTACT"::equals).count() != REQUESTER_PARTNERS_OUT
                || !codes.contains("DESTINATION_FULL")) {
            throw new IllegalStateException("unexpected evaluation: " + codes + " / rules only: " + ruleCodes);
        }
        System.out.printf(
                "%n[%s] application started in %d ms; %d students, %d ACTIVE passes and %d no-contact pairs "
                        + "loaded in %d ms; hall %d out, %s %d/%d; flags %s; rule set %s; facts JSON %d chars%n",
                database, (seeded - started) / 1_000_000, STUDENTS, STUDENTS, NO_CONTACT_PAIRS,
                (loaded - seeded) / 1_000_000, snapshot.hall().studentsOut(), snapshot.destination().name(),
                snapshot.destination().occupancy(), snapshot.destination().capacity(), codes, rules.version(),
                outcome.factsJson().length());

        // What one evaluation sends to the server, counted there (plain JDBC and
        // Hibernate alike).
        if (database.equals("mariadb")) {
            System.out.printf("[%s] statements per evaluation in the request's transaction: %d%n", database,
                    statementsInRequest(jdbc));
        }
    }

    /**
     * The statements an evaluation inside an open transaction sends: the connection's
     * {@code Questions} before and after, less what one look at them costs.
     */
    private long statementsInRequest(JdbcTemplate jdbc) {
        return new TransactionTemplate(transactions).execute(status -> {
            long first = questions(jdbc);
            long looking = questions(jdbc) - first;
            long before = questions(jdbc);
            policy.evaluate(pass);
            return questions(jdbc) - before - looking;
        });
    }

    private static long questions(JdbcTemplate jdbc) {
        return jdbc.query("show session status like 'Questions'", (rs, row) -> rs.getLong(2)).get(0);
    }

    @TearDown(Level.Trial)
    public void stop() {
        if (context != null) {
            context.close();
        }
    }

    @Benchmark
    public PassPolicy.Outcome evaluate(Request request) {
        request.check();
        return policy.evaluate(pass);
    }

    @Benchmark
    public PassPolicy.Outcome evaluateInOwnTransaction() {
        return readOnly.execute(status -> policy.evaluate(pass));
    }

    @Benchmark
    public FactSnapshot loadFacts(Request request) {
        request.check();
        return facts();
    }

    /**
     * The request's transaction, as a caller of the evaluation holds one: opened on the
     * benchmark's thread before each iteration, rolled back after it (nothing is
     * written). Only the benchmarks that take it run inside it.
     */
    @State(Scope.Thread)
    public static class Request {

        private PlatformTransactionManager transactions;

        private TransactionStatus open;

        @Setup(Level.Iteration)
        public void open(PolicyEvaluationBenchmark benchmark) {
            transactions = benchmark.transactions;
            open = transactions.getTransaction(TransactionDefinition.withDefaults());
        }

        @TearDown(Level.Iteration)
        public void close() {
            if (open != null) {
                transactions.rollback(open);
                open = null;
            }
        }

        /** Refuses to measure anything but what the benchmark says. */
        void check() {
            if (!TransactionSynchronizationManager.isActualTransactionActive()) {
                throw new IllegalStateException("no transaction open on the benchmark's thread");
            }
        }

    }

    private FactSnapshot facts() {
        try {
            // PassFacts.of answers the facts with the active rule set's id
            // (PassFacts.Loaded)
            Object loaded = factsOf.invoke(passFacts, pass);
            Method snapshot = loaded.getClass().getDeclaredMethod("snapshot");
            snapshot.setAccessible(true);
            return (FactSnapshot) snapshot.invoke(loaded);
        }
        catch (IllegalAccessException | InvocationTargetException | NoSuchMethodException e) {
            throw new IllegalStateException(e);
        }
    }

    @Benchmark
    public List<RaisedFlag> rulesOnly() {
        return rules.evaluate(snapshot.facts());
    }

    /**
     * The service with the demo profile; its settings as command-line arguments, which
     * outrank application.yml.
     */
    private ConfigurableApplicationContext application() throws SQLException {
        List<String> properties = new ArrayList<>(List.of("server.port=0", "spring.main.banner-mode=off",
                "logging.level.root=WARN", "logging.level.org.corridor=WARN", "camunda.bpm.process-engine-name=bench"));
        switch (database) {
            case "h2" -> properties.add("spring.datasource.url=" + System.getProperty("corridor.bench.h2.url", H2_URL));
            case "mariadb" -> {
                String url = System.getProperty("corridor.bench.mariadb.url", MARIADB_URL);
                String user = System.getProperty("corridor.bench.mariadb.user", "root");
                String password = System.getProperty("corridor.bench.mariadb.password", "");
                emptyMariaDb(url, user, password);
                properties.addAll(List.of("spring.datasource.url=" + url, "spring.datasource.username=" + user,
                        "spring.datasource.password=" + password, "camunda.bpm.database.type=mysql",
                        "spring.datasource.hikari.data-source-properties.nullDatabaseMeansCurrent=true"));
            }
            default -> throw new IllegalArgumentException("database must be h2 or mariadb, not " + database);
        }
        return new SpringApplicationBuilder(CorridorApplication.class).web(WebApplicationType.SERVLET)
            .profiles("demo")
            .run(properties.stream().map(p -> "--" + p).toArray(String[]::new));
    }

    /**
     * Creates the database if needed and drops its tables, so the engine and Flyway start
     * afresh.
     */
    private static void emptyMariaDb(String url, String user, String password) throws SQLException {
        int slash = url.indexOf('/', "jdbc:mariadb://".length());
        int query = url.indexOf('?', slash);
        String name = query < 0 ? url.substring(slash + 1) : url.substring(slash + 1, query);
        try (Connection server = DriverManager.getConnection(url.substring(0, slash + 1), user, password);
                Statement s = server.createStatement()) {
            s.execute("create database if not exists `" + name + "`");
        }
        try (Connection c = DriverManager.getConnection(url, user, password)) {
            TestDatabases.dropAllTables(c);
        }
    }

    /**
     * Bulk-loads the busy district into the seeded demo school with batched JDBC inserts.
     */
    private static final class BusyDistrict {

        private final JdbcTemplate jdbc;

        private final Instant now;

        private final Random random = new Random(42);

        BusyDistrict(JdbcTemplate jdbc, Instant now) {
            this.jdbc = jdbc;
            this.now = now;
        }

        /**
         * @return the id of the requesting student's PENDING pass
         */
        String load() {
            String district = one("select id from district where name = 'Demo District'");
            String school = one("select id from school where district_id = ?", district);
            String section = one("select id from section where school_id = ? and name = 'English 10'", school);
            String room = one("select room_id from section where id = ?", section);
            String teacher = one("select main_teacher_id from section where id = ?", section);
            String ava = one("select id from person where district_id = ? and email = 'ava@corridor.test'", district);
            List<String> destinations = jdbc.queryForList(
                    "select id from location where school_id = ? and is_destination = true order by name", String.class,
                    school);
            String restroom = one("select id from location where school_id = ? and name = 'Restroom'", school);

            List<String> students = new ArrayList<>(STUDENTS);
            List<Object[]> people = new ArrayList<>(STUDENTS);
            List<Object[]> roles = new ArrayList<>(STUDENTS);
            List<Object[]> enrolments = new ArrayList<>(STUDENTS);
            for (int i = 0; i < STUDENTS; i++) {
                String id = UUID.randomUUID().toString();
                students.add(id);
                String email = String.format("bench%05d@corridor.test", i);
                people.add(new Object[] { id, district, school, email, Person.emailKey(email), "Bench", "Student " + i,
                        String.valueOf(20_001 + i) });
                roles.add(new Object[] { id });
                enrolments.add(new Object[] { section, id });
            }
            batch("insert into person (id, district_id, school_id, email, email_key, given_name, family_name,"
                    + " student_number, version) values (?, ?, ?, ?, ?, ?, ?, ?, 0)", people);
            batch("insert into person_role (person_id, role) values (?, 'STUDENT')", roles);
            batch("insert into section_student (section_id, person_id) values (?, ?)", enrolments);

            // Every one of them out now, on a pass started in the last half hour.
            List<Object[]> passes = new ArrayList<>(STUDENTS);
            for (int i = 0; i < STUDENTS; i++) {
                String student = students.get(i);
                Instant started = now.minus(1 + random.nextInt(30), ChronoUnit.MINUTES);
                passes.add(new Object[] { UUID.randomUUID().toString(), district, school, student, student, "ACTIVE",
                        section, room, destinations.get(i % destinations.size()), teacher, student,
                        utc(started.minusSeconds(60)), utc(started), utc(started) });
            }
            batch("insert into hall_pass (id, district_id, school_id, student_id, open_student_id, pass_type, channel,"
                    + " state, departing_section_id, departing_room_id, destination_id, routed_to_id, created_by_id,"
                    + " requested_at, approved_at, started_at, version)"
                    + " values (?, ?, ?, ?, ?, 'REGULAR', 'DEVICE', ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)", passes);

            // The demo seeds Ava and Ben; 5 more pairs give Ava partners who are out, the
            // rest pair other students.
            List<Object[]> pairs = new ArrayList<>();
            for (int i = 0; i < REQUESTER_PARTNERS_OUT; i++) {
                pairs.add(new Object[] { UUID.randomUUID().toString(), district, ava, students.get(i) });
            }
            Set<String> taken = new HashSet<>();
            int seeded = one("select count(*) from no_contact_pair where district_id = ?", Integer.class, district);
            while (seeded + pairs.size() < NO_CONTACT_PAIRS) {
                int a = REQUESTER_PARTNERS_OUT + random.nextInt(STUDENTS - REQUESTER_PARTNERS_OUT);
                int b = REQUESTER_PARTNERS_OUT + random.nextInt(STUDENTS - REQUESTER_PARTNERS_OUT);
                if (a != b && taken.add(Math.min(a, b) + ":" + Math.max(a, b))) {
                    pairs
                        .add(new Object[] { UUID.randomUUID().toString(), district, students.get(a), students.get(b) });
                }
            }
            batch("insert into no_contact_pair (id, district_id, student_id, partner_id, version) values (?, ?, ?, ?, 0)",
                    pairs);

            // Ava's history this week (two passes used earlier), then her request:
            // PENDING with Ms Rivera.
            List<Object[]> history = new ArrayList<>();
            for (int minutesAgo : new int[] { 150, 90 }) {
                Instant started = now.minus(minutesAgo, ChronoUnit.MINUTES);
                history.add(new Object[] { UUID.randomUUID().toString(), district, school, ava, null, "COMPLETED",
                        section, room, restroom, teacher, ava, utc(started.minusSeconds(60)), utc(started),
                        utc(started), utc(started.plus(5, ChronoUnit.MINUTES)) });
            }
            batch("insert into hall_pass (id, district_id, school_id, student_id, open_student_id, pass_type, channel,"
                    + " state, departing_section_id, departing_room_id, destination_id, routed_to_id, created_by_id,"
                    + " requested_at, approved_at, started_at, ended_at, version)"
                    + " values (?, ?, ?, ?, ?, 'REGULAR', 'DEVICE', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)", history);
            String pending = UUID.randomUUID().toString();
            jdbc.update(
                    "insert into hall_pass (id, district_id, school_id, student_id, open_student_id, pass_type, channel,"
                            + " state, departing_section_id, departing_room_id, destination_id, routed_to_id, created_by_id,"
                            + " requested_at, version)"
                            + " values (?, ?, ?, ?, ?, 'REGULAR', 'DEVICE', 'PENDING', ?, ?, ?, ?, ?, ?, 0)",
                    pending, district, school, ava, ava, section, room, restroom, teacher, ava, utc(now));
            // The passes went in by SQL, past the lifecycle that counts who is out: count
            // them as it would have.
            OccupancyCounters.recount(jdbc);
            return pending;
        }

        private void batch(String sql, List<Object[]> rows) {
            for (int from = 0; from < rows.size(); from += BATCH) {
                jdbc.batchUpdate(sql, rows.subList(from, Math.min(rows.size(), from + BATCH)));
            }
        }

        private String one(String sql, Object... args) {
            return one(sql, String.class, args);
        }

        private <T> T one(String sql, Class<T> type, Object... args) {
            return jdbc.queryForObject(sql, type, args);
        }

        /** Stored times are UTC wall-clock times (hibernate.jdbc.time_zone=UTC). */
        private static LocalDateTime utc(Instant instant) {
            return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
        }

    }

}
