package org.corridor.testing;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.BeforeEach;
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

import org.corridor.destination.Location;
import org.corridor.destination.LocationRepository;
import org.corridor.person.Person;
import org.corridor.person.PersonRepository;
import org.corridor.section.Section;
import org.corridor.section.SectionRepository;

/**
 * The service on a real port with the demo school seeded; tests talk to it over HTTP as the demo
 * accounts do. Every test starts with no passes.
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
    @Autowired
    protected JdbcTemplate jdbc;
    @Autowired
    protected RuntimeService runtime;
    @Autowired
    protected HistoryService history;

    @BeforeEach
    void startWithNoPasses() {
        runtime.createProcessInstanceQuery().processDefinitionKey("pass-lifecycle").list()
                .forEach(p -> runtime.deleteProcessInstance(p.getId(), "test reset", true, true));
        jdbc.update("delete from pass_event");
        jdbc.update("delete from pass_flag");
        jdbc.update("delete from hall_pass");
    }

    protected Person person(String name) {
        return people.findByEmailIgnoreCase(name + "@corridor.test").get(0);
    }

    protected String schoolId() {
        return person("ava").getSchoolId();
    }

    protected String destination(String name) {
        return locations.findBySchoolIdAndDestinationTrueOrderByName(schoolId()).stream()
                .filter(l -> l.getName().equals(name)).map(Location::getId).findFirst().orElseThrow();
    }

    protected String english10() {
        return sections.findAll().stream().filter(s -> s.getName().equals("English 10"))
                .map(Section::getId).findFirst().orElseThrow();
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
        return post(student, "/api/passes", Map.of("departingFromSectionId", english10(),
                "destinationId", destination(destinationName), "type", "REGULAR"));
    }

    /** A student out at the destination: requested, and approved by Ms Rivera. */
    protected String out(String student, String destinationName) {
        String id = request(student, destinationName).getBody().get("id").asText();
        post("rivera", "/api/passes/" + id + "/approve", Map.of());
        return id;
    }

    protected int passCount() {
        return jdbc.queryForObject("select count(*) from hall_pass", Integer.class);
    }
}
