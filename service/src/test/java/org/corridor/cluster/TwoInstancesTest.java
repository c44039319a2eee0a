package org.corridor.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.corridor.CorridorApplication;
import org.corridor.notification.EventStream;
import org.corridor.policy.DistrictRules;
import org.corridor.rules.DefaultRuleSet;
import org.corridor.testing.TestBrokers;
import org.corridor.testing.TestDatabases;

/**
 * Cluster mode: two instances (two application contexts on random ports, as two JVMs
 * would be) started at the same moment on one empty MariaDB database, sharing the real
 * Redis server through corridor.broker.url. A push reaches a stream on the other instance
 * only through the broker: nothing else writes to an open stream.
 */
class TwoInstancesTest {

    private static final ObjectMapper json = new ObjectMapper();

    private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(20)).build();

    private static ConfigurableApplicationContext a;

    private static ConfigurableApplicationContext b;

    @BeforeAll
    static void startTwoInstancesTogetherOnAnEmptyDatabase() throws Exception {
        String broker = TestBrokers.redis();
        TestDatabases.Connection_ db = emptyDatabase(TestDatabases.mariaDb());
        CompletableFuture<ConfigurableApplicationContext> first = CompletableFuture
            .supplyAsync(() -> start("clusterA", db, broker));
        CompletableFuture<ConfigurableApplicationContext> second = CompletableFuture
            .supplyAsync(() -> start("clusterB", db, broker));
        try {
            a = first.get(5, TimeUnit.MINUTES);
        }
        finally {
            b = second.get(5, TimeUnit.MINUTES);
        }
    }

    @AfterAll
    static void stop() {
        if (a != null) {
            a.close();
        }
        if (b != null) {
            b.close();
        }
    }

    @Test
    void instancesStartedTogetherOnAnEmptyDatabaseSeedTheDemoOnce() throws Exception {
        JdbcTemplate jdbc = a.getBean(JdbcTemplate.class);

        assertThat(jdbc.queryForObject("select count(*) from district where name = 'Demo District'", Integer.class))
            .isEqualTo(1);
        assertThat(
                jdbc.queryForObject("select count(*) from person where email = 'admin@corridor.test'", Integer.class))
            .isEqualTo(1);
        // and the demo sign-in works on both
        assertThat(get(a, "admin", "/api/me").statusCode()).isEqualTo(200);
        assertThat(get(b, "admin", "/api/me").statusCode()).isEqualTo(200);
    }

    @Test
    void requestMadeOnOneInstancePopsUpOnAStreamOpenOnTheOtherWithinASecond() throws Exception {
        JdbcTemplate jdbc = a.getBean(JdbcTemplate.class);
        String english10 = jdbc.queryForObject("select id from section where name = 'English 10'", String.class);
        String restroom = jdbc.queryForObject("select id from location where name = 'Restroom'", String.class);

        try (EventStream rivera = EventStream.open(port(b), "rivera", null)) {
            assertThat(rivera.next("unread")).isNotNull();

            HttpResponse<String> made = post(a, "ava", "/api/passes",
                    Map.of("departingFromSectionId", english10, "destinationId", restroom, "type", "REGULAR"));
            long committed = System.nanoTime();

            assertThat(made.statusCode()).as(made.body()).isEqualTo(201);
            String passId = json.readTree(made.body()).get("id").asText();
            EventStream.Event popup = rivera.next("notification");
            long took = (System.nanoTime() - committed) / 1_000_000;
            assertThat(popup).as("a popup on B").isNotNull();
            JsonNode notification = json.readTree(popup.data());
            assertThat(notification.get("kind").asText()).isEqualTo("REQUEST");
            assertThat(notification.get("passId").asText()).isEqualTo(passId);
            assertThat(took).as("milliseconds from A's answer to B's popup").isLessThan(1_000);
            // the popup on B is its delivery, recorded on the pass
            assertThat(eventually(() -> jdbc.queryForObject("select delivered_at from hall_pass where id = ?",
                    java.sql.Timestamp.class, passId) != null))
                .isTrue();
        }
    }

    @Test
    void timerFiredOnOneInstancePopsUpOnTheStreamsOpenOnBoth() throws Exception {
        JdbcTemplate jdbc = a.getBean(JdbcTemplate.class);
        String english10 = jdbc.queryForObject("select id from section where name = 'English 10'", String.class);
        String restroom = jdbc.queryForObject("select id from location where name = 'Restroom'", String.class);

        try (EventStream onA = EventStream.open(port(a), "ben", null);
                EventStream onB = EventStream.open(port(b), "ben", null)) {
            assertThat(onA.next("unread")).isNotNull();
            assertThat(onB.next("unread")).isNotNull();
            HttpResponse<String> made = post(b, "ben", "/api/passes",
                    Map.of("departingFromSectionId", english10, "destinationId", restroom, "type", "REGULAR"));
            assertThat(made.statusCode()).as(made.body()).isEqualTo(201);
            String passId = json.readTree(made.body()).get("id").asText();

            // the request's expiry timer, fired by A's engine (as its job executor would)
            ManagementService management = a.getBean(ManagementService.class);
            RuntimeService runtime = a.getBean(RuntimeService.class);
            Job expiry = management.createJobQuery()
                .timers()
                .activityId("Boundary_RequestExpired")
                .list()
                .stream()
                .filter(job -> runtime.createProcessInstanceQuery()
                    .processInstanceId(job.getProcessInstanceId())
                    .processInstanceBusinessKey(passId)
                    .count() == 1)
                .findFirst()
                .orElseThrow();
            management.executeJob(expiry.getId());

            assertThat(nextOfKind(onA, "EXPIRED")).as("on A").isEqualTo(passId);
            assertThat(nextOfKind(onB, "EXPIRED")).as("on B").isEqualTo(passId);
        }
    }

    @Test
    void ruleSetActivatedOnOneInstanceIsCompiledOnTheOtherWithoutARequest() throws Exception {
        HttpResponse<String> draft = post(a, "admin", "/api/admin/rule-sets",
                Map.of("drl", DefaultRuleSet.drl() + "\n// cluster test\n", "note", "Announced to B"));
        assertThat(draft.statusCode()).as(draft.body()).isEqualTo(201);
        int version = json.readTree(draft.body()).get("version").asInt();
        String id = a.getBean(JdbcTemplate.class)
            .queryForObject("select id from rule_set where rule_version = ?", String.class, version);
        DistrictRules onB = b.getBean(DistrictRules.class);
        assertThat(onB.isCompiled(id)).as("a draft is not compiled on B").isFalse();

        HttpResponse<String> activated = post(a, "admin", "/api/admin/rule-sets/" + version + "/activate", Map.of());

        assertThat(activated.statusCode()).as(activated.body()).isEqualTo(200);
        assertThat(eventually(() -> onB.isCompiled(id))).as("compiled on B, no request made there").isTrue();
    }

    private static ConfigurableApplicationContext start(String name, TestDatabases.Connection_ db, String broker) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("server.port", "0");
        properties.put("spring.datasource.url", db.url());
        properties.put("spring.datasource.username", db.user());
        properties.put("spring.datasource.password", db.password());
        properties.put("spring.datasource.hikari.data-source-properties.nullDatabaseMeansCurrent", "true");
        properties.put("camunda.bpm.database.type", "mysql");
        // one JVM here: the engines need names of their own
        properties.put("camunda.bpm.process-engine-name", name);
        properties.put("corridor.broker.url", broker);
        // as arguments: they must win over the demo profile's own database
        return new SpringApplicationBuilder(CorridorApplication.class).profiles("demo")
            .run(properties.entrySet()
                .stream()
                .map(p -> "--" + p.getKey() + "=" + p.getValue())
                .toArray(String[]::new));
    }

    /**
     * A database of its own next to the tests' one, emptied: the other tests' contexts
     * have built their schema in theirs.
     */
    private static TestDatabases.Connection_ emptyDatabase(TestDatabases.Connection_ tests) throws SQLException {
        int query = tests.url().indexOf('?');
        String base = query < 0 ? tests.url() : tests.url().substring(0, query);
        String name = base.substring(base.lastIndexOf('/') + 1) + "_cluster";
        try (Connection c = DriverManager.getConnection(tests.url(), tests.user(), tests.password());
                Statement s = c.createStatement()) {
            s.execute("create database if not exists `" + name + "`");
        }
        String url = base.substring(0, base.lastIndexOf('/') + 1) + name
                + (query < 0 ? "" : tests.url().substring(query));
        try (Connection c = DriverManager.getConnection(url, tests.user(), tests.password())) {
            TestDatabases.dropAllTables(c);
        }
        return new TestDatabases.Connection_(url, tests.user(), tests.password());
    }

    /** The pass id of the next notification of that kind on the stream, or null. */
    private static String nextOfKind(EventStream stream, String kind) throws Exception {
        for (EventStream.Event event = stream.next("notification"); event != null; event = stream
            .next("notification")) {
            JsonNode notification = json.readTree(event.data());
            if (notification.get("kind").asText().equals(kind)) {
                return notification.get("passId").asText();
            }
        }
        return null;
    }

    private static int port(ConfigurableApplicationContext context) {
        return Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
    }

    private static HttpResponse<String> get(ConfigurableApplicationContext at, String who, String path)
            throws Exception {
        return http.send(request(at, who, path).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> post(ConfigurableApplicationContext at, String who, String path,
            Map<String, ?> body) throws Exception {
        return http.send(request(at, who, path).header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)))
            .build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpRequest.Builder request(ConfigurableApplicationContext at, String who, String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port(at) + path))
            .timeout(Duration.ofSeconds(30))
            .header("Accept", "application/json")
            .header("Authorization", "Basic " + Base64.getEncoder()
                .encodeToString((who + "@corridor.test:demo").getBytes(StandardCharsets.UTF_8)));
    }

    private static boolean eventually(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return true;
            }
            Thread.sleep(50);
        }
        return condition.getAsBoolean();
    }

}
