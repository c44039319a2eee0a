package org.corridor.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import javax.sql.DataSource;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

import com.fasterxml.jackson.databind.JsonNode;

import org.corridor.location.Location;
import org.corridor.location.LocationRepository;
import org.corridor.location.PlacesHeld;
import org.corridor.person.Person;
import org.corridor.person.PersonRepository;
import org.corridor.school.SchoolsHeld;
import org.corridor.section.Section;
import org.corridor.section.SectionRepository;

/**
 * The service on a real port with the demo school seeded; tests talk to it over HTTP as
 * the demo accounts do. Every test starts with no passes, and ends with every
 * destination's count of students out equal to its passes out (see
 * {@link OccupancyCounters}): whatever a test does, the counters must follow.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("demo")
public abstract class ApiTest {

    @Autowired
    protected TestRestTemplate http;

    @Autowired
    protected PersonRepository people;

    @Autowired
    protected LocationRepository locations;

    @Autowired
    protected SectionRepository sections;

    /** Statement by statement, outside the service's transactions. */
    protected JdbcTemplate jdbc;

    @Autowired
    protected RuntimeService runtime;

    @Autowired
    protected HistoryService history;

    @Autowired
    protected ManagementService management;

    @Autowired
    private SchoolsHeld schoolsHeld;

    @Autowired
    private PlacesHeld placesHeld;

    @Autowired
    void sqlOutsideTransactions(DataSource dataSource) {
        jdbc = new JdbcTemplate(new AutoCommitDataSource(dataSource));
    }

    /**
     * Checked as the test method returns, before any {@code @AfterEach} of a subclass
     * tidies up with SQL. A failure names the test that left the counters wrong.
     */
    @RegisterExtension
    protected final AfterTestExecutionCallback countersMatchThePassesOut = context -> {
        List<String> wrong = OccupancyCounters.mismatches(jdbc);
        if (!wrong.isEmpty()) {
            throw new AssertionError("destinations whose count of students out is not their passes out: " + wrong);
        }
        List<String> wrongHalls = OccupancyCounters.hallMismatches(jdbc);
        if (!wrongHalls.isEmpty()) {
            throw new AssertionError("schools whose hallway counts are not their passes out: " + wrongHalls);
        }
    };

    @BeforeEach
    protected void startWithNoPasses() {
        NoPasses.clear(runtime, jdbc);
        jdbc.update("delete from kiosk");
        jdbc.update("delete from notification");
        schoolsOrLocationsChangedInSql();
    }

    /**
     * For a test that changes a school's settings or a location in plain SQL, behind the
     * service's back: the service forgets what it held of them, as it does when they are
     * changed through it.
     */
    protected void schoolsOrLocationsChangedInSql() {
        schoolsHeld.forgetAll();
        placesHeld.forgetAll();
    }

    protected Person person(String name) {
        return people.findByEmailKey(Person.emailKey(name + "@corridor.test")).get(0);
    }

    protected String schoolId() {
        return person("ava").getSchoolId();
    }

    protected String destination(String name) {
        return locations.findBySchoolIdAndDestinationTrueOrderByName(schoolId())
            .stream()
            .filter(l -> l.getName().equals(name))
            .map(Location::getId)
            .findFirst()
            .orElseThrow();
    }

    protected String english10() {
        return sections.findAll()
            .stream()
            .filter(s -> s.getName().equals("English 10"))
            .map(Section::getId)
            .findFirst()
            .orElseThrow();
    }

    protected ResponseEntity<JsonNode> get(String who, String path) {
        return call(who, HttpMethod.GET, path, null, Map.of());
    }

    protected ResponseEntity<JsonNode> post(String who, String path, Object body) {
        return call(who, HttpMethod.POST, path, body, Map.of());
    }

    protected ResponseEntity<JsonNode> put(String who, String path, Object body) {
        return call(who, HttpMethod.PUT, path, body, Map.of());
    }

    protected ResponseEntity<JsonNode> call(String who, HttpMethod method, String path, Object body,
            Map<String, String> extraHeaders) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.setAccept(List.of(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON));
        extraHeaders.forEach(headers::add);
        TestRestTemplate client = who == null ? http : http.withBasicAuth(who + "@corridor.test", "demo");
        return client.exchange(path, method, new HttpEntity<>(body, headers), JsonNode.class);
    }

    /** A student's REGULAR request from English 10 to the named destination. */
    protected ResponseEntity<JsonNode> request(String student, String destinationName) {
        return post(student, "/api/passes", Map.of("departingFromSectionId", english10(), "destinationId",
                destination(destinationName), "type", "REGULAR"));
    }

    /** A student out at the destination: requested, and approved by Ms Rivera. */
    protected String out(String student, String destinationName) {
        String id = request(student, destinationName).getBody().get("id").asText();
        post("rivera", "/api/passes/" + id + "/approve", Map.of());
        return id;
    }

    /**
     * The id of a room or destination of the demo school, by name ("Room 204",
     * "Library").
     */
    protected String room(String name) {
        String school = schoolId();
        return locations.findAll()
            .stream()
            .filter(l -> l.getSchoolId().equals(school) && l.getName().equals(name))
            .map(Location::getId)
            .findFirst()
            .orElseThrow();
    }

    /** A kiosk token for the named room, issued by the demo administrator. */
    protected String kioskToken(String roomName) {
        return post("admin", "/api/admin/kiosks", Map.of("roomId", room(roomName), "name", roomName + " kiosk"))
            .getBody()
            .get("token")
            .asText();
    }

    /** A call made by a kiosk: its token and nothing else. */
    protected ResponseEntity<JsonNode> asKiosk(String token, HttpMethod method, String path, Object body) {
        return call(null, method, path, body, Map.of("X-Kiosk-Token", token));
    }

    protected int passCount() {
        return jdbc.queryForObject("select count(*) from hall_pass", Integer.class);
    }

    /**
     * Fires one of a pass's timers now, as the job executor would when it falls due: the
     * tests do not wait for real minutes to pass. {@code timerId} is the BPMN element id
     * (Boundary_LongRunning...).
     */
    protected void fireTimer(String passId, String timerId) {
        Job job = management.createJobQuery()
            .timers()
            .activityId(timerId)
            .list()
            .stream()
            .filter(j -> runtime.createProcessInstanceQuery()
                .processInstanceId(j.getProcessInstanceId())
                .processInstanceBusinessKey(passId)
                .count() == 1)
            .findFirst()
            .orElseThrow(() -> new AssertionError("pass " + passId + " has no timer " + timerId));
        management.executeJob(job.getId());
    }

    protected boolean hasTimer(String passId, String timerId) {
        return management.createJobQuery()
            .timers()
            .activityId(timerId)
            .list()
            .stream()
            .anyMatch(j -> runtime.createProcessInstanceQuery()
                .processInstanceId(j.getProcessInstanceId())
                .processInstanceBusinessKey(passId)
                .count() == 1);
    }

    /** The titles of a person's notifications of one kind, newest first. */
    protected List<String> notificationTitles(String who, String kind) {
        JsonNode list = get(who, "/api/notifications?limit=100").getBody().get("notifications");
        List<String> titles = new java.util.ArrayList<>();
        list.forEach(n -> {
            if (n.get("kind").asText().equals(kind)) {
                titles.add(n.get("title").asText());
            }
        });
        return titles;
    }

    protected JsonNode pass(String who, String passId) {
        return get(who, "/api/passes/" + passId).getBody();
    }

    /**
     * Runs the calls on threads of their own, released together by a barrier, and answers
     * their results in the order given. The timeouts only keep a hung race from hanging
     * the build: nothing is timed.
     */
    protected <T> List<T> atOnce(List<Callable<T>> calls) {
        ExecutorService threads = Executors.newFixedThreadPool(calls.size());
        CyclicBarrier start = new CyclicBarrier(calls.size());
        try {
            List<Future<T>> running = new ArrayList<>();
            for (Callable<T> call : calls) {
                running.add(threads.submit(() -> {
                    start.await(2, TimeUnit.MINUTES);
                    return call.call();
                }));
            }
            List<T> results = new ArrayList<>();
            for (Future<T> result : running) {
                results.add(result.get(5, TimeUnit.MINUTES));
            }
            return results;
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while racing", e);
        }
        catch (ExecutionException | TimeoutException e) {
            throw new AssertionError("a racing call did not answer", e);
        }
        finally {
            threads.shutdownNow();
        }
    }

    /**
     * The id of one of a pass's timer jobs (see {@link #fireTimer}), to fire it later
     * with {@code management}.
     */
    protected String timerJobId(String passId, String timerId) {
        return management.createJobQuery()
            .timers()
            .activityId(timerId)
            .list()
            .stream()
            .filter(j -> runtime.createProcessInstanceQuery()
                .processInstanceId(j.getProcessInstanceId())
                .processInstanceBusinessKey(passId)
                .count() == 1)
            .map(Job::getId)
            .findFirst()
            .orElseThrow(() -> new AssertionError("pass " + passId + " has no timer " + timerId));
    }

    /**
     * The kinds of a pass's audit events, oldest first ("REQUESTED", "ROUTED",
     * "APPROVED"...).
     */
    protected List<String> eventKinds(String passId) {
        return jdbc.queryForList("select kind from pass_event where pass_id = ? order by occurred_at, kind",
                String.class, passId);
    }

}
