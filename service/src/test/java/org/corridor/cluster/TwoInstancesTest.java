package org.corridor.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

import javax.sql.DataSource;

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
import org.corridor.school.SchoolsHeld;
import org.corridor.retention.RetentionPurge;
import org.corridor.rules.DefaultRuleSet;
import org.corridor.security.LocalOpenIdProvider;
import org.corridor.testing.AutoCommitDataSource;
import org.corridor.testing.TestBrokers;
import org.corridor.testing.TestDatabases;

/**
 * Cluster mode: two instances (two application contexts on random ports, as two JVMs
 * would be) started at the same moment on one empty MariaDB database, sharing the real
 * Redis server through corridor.broker.url. A push reaches a stream on the other instance
 * only through the broker: nothing else writes to an open stream. Sessions are shared
 * through the database (Spring Session JDBC), as is the purge's lock (ShedLock).
 */
class TwoInstancesTest {

    private static final ObjectMapper json = new ObjectMapper();

    private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(20)).build();

    private static final LocalOpenIdProvider provider = LocalOpenIdProvider
        .start(Map.of("corridor-test", "test-secret"));

    private static final String CHANNEL_PREFIX = "corridor-test-" + UUID.randomUUID();

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
        provider.close();
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

    @Test
    void ruleSetActivatedOnOneInstanceIsTheActiveVersionOnTheOtherAtOnce() throws Exception {
        HttpResponse<String> draft = post(a, "admin", "/api/admin/rule-sets",
                Map.of("drl", DefaultRuleSet.drl() + "\n// held test\n", "note", "Held on B"));
        assertThat(draft.statusCode()).as(draft.body()).isEqualTo(201);
        int version = json.readTree(draft.body()).get("version").asInt();
        JdbcTemplate jdbc = a.getBean(JdbcTemplate.class);
        String id = jdbc.queryForObject("select id from rule_set where rule_version = ?", String.class, version);
        String district = jdbc.queryForObject("select district_id from rule_set where id = ?", String.class, id);
        DistrictRules onB = b.getBean(DistrictRules.class);
        assertThat(onB.activeId(district)).as("held on B before").isNotEqualTo(id);

        HttpResponse<String> activated = post(a, "admin", "/api/admin/rule-sets/" + version + "/activate", Map.of());

        assertThat(activated.statusCode()).as(activated.body()).isEqualTo(200);
        // well within the minute after which B would read it again anyway
        assertThat(eventually(() -> id.equals(onB.activeId(district)))).as("active on B").isTrue();
    }

    @Test
    void settingChangedOnOneInstanceIsHeldOnTheOtherAtOnce() throws Exception {
        String school = a.getBean(JdbcTemplate.class)
            .queryForObject("select id from school where name = 'Demo High'", String.class);
        SchoolsHeld onB = b.getBean(SchoolsHeld.class);
        int before = onB.of(school).settings().appointmentLeadMinutes();

        HttpResponse<String> changed = put(a, "admin", "/api/admin/schools/" + school + "/settings",
                Map.of("appointmentLeadMinutes", before + 1));

        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
        assertThat(eventually(() -> onB.of(school).settings().appointmentLeadMinutes() == before + 1)).as("held on B")
            .isTrue();
    }

    @Test
    void instancesStartedTogetherOnAnEmptyDatabaseMakeTheEngineSchemaOnce() {
        JdbcTemplate jdbc = a.getBean(JdbcTemplate.class);

        assertThat(jdbc.queryForObject("select count(*) from ACT_GE_PROPERTY where NAME_ = 'schema.version'",
                Integer.class))
            .isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from ACT_GE_SCHEMA_LOG", Integer.class)).isEqualTo(1);
        assertThat(jdbc.queryForObject(
                "select count(*) from flyway_schema_history where version = '27' and success = 1", Integer.class))
            .isEqualTo(1);
        // both engines run on it
        assertThat(a.getBean(ManagementService.class).getTableCount()).containsKey("ACT_RU_JOB");
        assertThat(b.getBean(RuntimeService.class).createProcessInstanceQuery().count()).isNotNegative();
    }

    @Test
    void signInOnOneInstanceIsASignInOnTheOther() throws Exception {
        Browser browser = new Browser();

        assertThat(browser.signIn(a, "rivera@corridor.test").statusCode()).isEqualTo(302);
        HttpResponse<String> me = browser.get(b, "/api/me");

        assertThat(me.statusCode()).as(me.body()).isEqualTo(200);
        assertThat(json.readTree(me.body()).get("id").asText()).isEqualTo(personId("rivera@corridor.test"));
    }

    @Test
    void signOutOnOneInstanceIsRefusedOnTheOther() throws Exception {
        Browser browser = new Browser();
        browser.signIn(a, "okafor@corridor.test");
        assertThat(browser.get(b, "/api/me").statusCode()).isEqualTo(200);
        String session = browser.cookie("JSESSIONID");

        HttpResponse<String> signedOut = browser.post(a, "/logout");

        assertThat(signedOut.statusCode()).isEqualTo(302);
        assertThat(signedOut.headers().firstValue("Location").orElseThrow()).endsWith("/login?signed-out");
        Browser stale = new Browser();
        stale.cookies.put("JSESSIONID", session);
        assertThat(stale.get(b, "/api/me").statusCode()).isEqualTo(401);
    }

    @Test
    void sessionPastItsExpiryIsRefusedOnEveryInstance() throws Exception {
        Browser browser = new Browser();
        browser.signIn(b, "chen@corridor.test");
        assertThat(browser.get(a, "/api/me").statusCode()).isEqualTo(200);

        // as if unused for longer than its timeout
        long expired = System.currentTimeMillis() - 1_000;
        new JdbcTemplate(new AutoCommitDataSource(a.getBean(DataSource.class)))
            .update("update SPRING_SESSION set LAST_ACCESS_TIME = ? - MAX_INACTIVE_INTERVAL * 1000, EXPIRY_TIME = ? "
                    + "where PRINCIPAL_NAME = 'chen@corridor.test'", expired, expired);

        assertThat(browser.get(a, "/api/me").statusCode()).isEqualTo(401);
        assertThat(browser.get(b, "/api/me").statusCode()).isEqualTo(401);
    }

    /**
     * The provider's redirect state (the authorization request) is kept in the session
     * started on A; the provider sends the browser back to the one address of both, and
     * the load balancer hands the callback to B.
     */
    @Test
    void providerSignInStartedOnOneInstanceFinishesOnTheOther() throws Exception {
        provider.signsInAs(Map.of("email", "rivera@corridor.test", "email_verified", true));
        Browser browser = new Browser();

        HttpResponse<String> toProvider = browser.get(a, "/oauth2/authorization/test", "text/html");
        assertThat(toProvider.statusCode()).isEqualTo(302);
        HttpResponse<String> fromProvider = http.send(
                HttpRequest.newBuilder(URI.create(toProvider.headers().firstValue("Location").orElseThrow())).build(),
                HttpResponse.BodyHandlers.ofString());
        URI back = URI.create(fromProvider.headers().firstValue("Location").orElseThrow());
        assertThat(back.getHost()).isEqualTo(Browser.HOST);
        HttpResponse<String> signedIn = browser.get(b, back.getRawPath() + "?" + back.getRawQuery(), "text/html");

        assertThat(signedIn.statusCode()).as(signedIn.body()).isEqualTo(302);
        assertThat(signedIn.headers().firstValue("Location").orElseThrow()).endsWith("/teacher.html");
        HttpResponse<String> me = browser.get(a, "/api/me");
        assertThat(me.statusCode()).as(me.body()).isEqualTo(200);
        assertThat(json.readTree(me.body()).get("id").asText()).isEqualTo(personId("rivera@corridor.test"));
    }

    @Test
    void purgeStartedOnBothInstancesAtOnceRunsOnce() throws Exception {
        JdbcTemplate jdbc = a.getBean(JdbcTemplate.class);
        int before = jdbc.queryForObject("select count(*) from purge_run", Integer.class);
        Instant now = Instant.now();
        CompletableFuture<Void> onA = CompletableFuture.runAsync(() -> a.getBean(RetentionPurge.class).purge(now));
        CompletableFuture<Void> onB = CompletableFuture.runAsync(() -> b.getBean(RetentionPurge.class).purge(now));

        CompletableFuture.allOf(onA, onB).get(2, TimeUnit.MINUTES);

        int districts = jdbc.queryForObject("select count(*) from district", Integer.class);
        assertThat(jdbc.queryForObject("select count(*) from purge_run", Integer.class) - before)
            .as("one run for each district")
            .isEqualTo(districts);
    }

    @Test
    void wrongPasswordsSpreadOverBothInstancesCountAgainstOneLimit() throws Exception {
        int perAccount = a.getEnvironment().getProperty("corridor.sign-in.failures-per-account", Integer.class);
        for (int i = 0; i < perAccount; i++) {
            ConfigurableApplicationContext at = i % 2 == 0 ? a : b;
            assertThat(basic(at, "auditor@corridor.test", "guess" + i).statusCode()).isEqualTo(401);
        }

        // each instance saw half the limit: only a shared count refuses now (an account
        // no
        // other test here signs in with: it stays refused for the window)
        assertThat(basic(a, "auditor@corridor.test", "demo").statusCode()).isEqualTo(429);
        assertThat(basic(b, "auditor@corridor.test", "demo").statusCode()).isEqualTo(429);
        assertThat(basic(b, "chen@corridor.test", "demo").statusCode()).as("another account").isEqualTo(200);
    }

    private static HttpResponse<String> basic(ConfigurableApplicationContext at, String email, String password)
            throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port(at) + "/api/me"))
            .timeout(Duration.ofSeconds(30))
            .header("Accept", "application/json")
            .header("Authorization",
                    "Basic " + Base64.getEncoder()
                        .encodeToString((email + ":" + password).getBytes(StandardCharsets.UTF_8)))
            .GET()
            .build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String personId(String email) {
        return a.getBean(JdbcTemplate.class)
            .queryForObject("select id from person where email = ?", String.class, email);
    }

    /**
     * A browser in front of both instances, as behind nginx: one address ({@value #HOST},
     * which the instances read from the forwarded headers the proxy sets), one cookie
     * jar, each request sent to whichever instance the test names.
     */
    private static final class Browser {

        static final String HOST = "corridor.test";

        final Map<String, String> cookies = new LinkedHashMap<>();

        HttpResponse<String> signIn(ConfigurableApplicationContext at, String email) throws Exception {
            HttpResponse<String> options = get(at, "/api/sign-in-options");
            JsonNode csrf = json.readTree(options.body()).get("csrf");
            String form = "username=" + URLEncoder.encode(email, StandardCharsets.UTF_8) + "&password=demo&"
                    + csrf.get("parameterName").asText() + "="
                    + URLEncoder.encode(csrf.get("token").asText(), StandardCharsets.UTF_8);
            return send(request(at, "/login").header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
        }

        HttpResponse<String> get(ConfigurableApplicationContext at, String path) throws Exception {
            return get(at, path, "application/json");
        }

        HttpResponse<String> get(ConfigurableApplicationContext at, String path, String accept) throws Exception {
            return send(request(at, path).header("Accept", accept).GET());
        }

        /**
         * A change made with the session from a page: the CSRF token's cookie sent back
         * as a header.
         */
        HttpResponse<String> post(ConfigurableApplicationContext at, String path) throws Exception {
            return send(request(at, path).header("Accept", "text/html")
                .header("X-XSRF-TOKEN", cookie("XSRF-TOKEN"))
                .POST(HttpRequest.BodyPublishers.noBody()));
        }

        String cookie(String name) {
            return cookies.get(name);
        }

        private HttpRequest.Builder request(ConfigurableApplicationContext at, String path) {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port(at) + path))
                .timeout(Duration.ofSeconds(30))
                .header("X-Forwarded-Host", HOST)
                .header("X-Forwarded-Port", "80")
                .header("X-Forwarded-Proto", "http");
            if (!cookies.isEmpty()) {
                request.header("Cookie",
                        cookies.entrySet()
                            .stream()
                            .map(c -> c.getKey() + "=" + c.getValue())
                            .collect(Collectors.joining("; ")));
            }
            return request;
        }

        private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
            HttpResponse<String> answer = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            for (String header : answer.headers().allValues("Set-Cookie")) {
                for (HttpCookie cookie : HttpCookie.parse(header)) {
                    if (cookie.getValue().isEmpty() || cookie.getMaxAge() == 0) {
                        cookies.remove(cookie.getName());
                    }
                    else {
                        cookies.put(cookie.getName(), cookie.getValue());
                    }
                }
            }
            return answer;
        }

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
        // one deployment of its own on a Redis server other builds may share
        properties.put("corridor.broker.channel-prefix", CHANNEL_PREFIX);
        // behind one address, as behind nginx: the test's browser is the proxy (from
        // 127.0.0.1)
        properties.put("server.forward-headers-strategy", "native");
        properties.put("spring.security.oauth2.client.registration.test.client-id", "corridor-test");
        properties.put("spring.security.oauth2.client.registration.test.client-secret", "test-secret");
        properties.put("spring.security.oauth2.client.registration.test.scope", "openid,profile,email");
        properties.put("spring.security.oauth2.client.provider.test.issuer-uri", provider.issuer());
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

    private static HttpResponse<String> put(ConfigurableApplicationContext at, String who, String path,
            Map<String, ?> body) throws Exception {
        return http.send(request(at, who, path).header("Content-Type", "application/json")
            .PUT(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)))
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
