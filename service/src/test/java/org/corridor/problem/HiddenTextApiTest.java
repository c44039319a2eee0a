package org.corridor.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import org.corridor.testing.ApiTest;

/**
 * Names and notes that could hide or disguise what they say are refused with a 400 naming
 * the field, and nothing is stored. The bad characters travel as JSON escapes, the way a
 * client (or an attacker) sends them; a lone surrogate cannot be sent any other way.
 */
class HiddenTextApiTest extends ApiTest {

    /**
     * Each class of hiding character, as a JSON escape, with what the answer calls it.
     */
    enum Hiding {

        NUL("\\u0000", "a NUL character"), BELL("\\u0007", "a control character"),
        ESCAPE("\\u001b", "a control character"), DELETE("\\u007f", "a control character"),
        NEXT_LINE("\\u0085", "a control character"), LONE_HIGH_SURROGATE("\\ud800", "a lone surrogate"),
        LONE_LOW_SURROGATE("\\udfff", "a lone surrogate"),
        RIGHT_TO_LEFT_OVERRIDE("\\u202e", "a bidirectional override or isolate"),
        LEFT_TO_RIGHT_ISOLATE("\\u2066", "a bidirectional override or isolate"),
        POP_DIRECTIONAL_ISOLATE("\\u2069", "a bidirectional override or isolate");

        final String escape;

        final String called;

        Hiding(String escape, String called) {
            this.escape = escape;
            this.called = called;
        }

    }

    /**
     * A representative endpoint taking a name or a note: who calls it, how the JSON body
     * is made around the text, the field the answer must name, and what it would have
     * stored.
     */
    record Endpoint(String label, String who, String path, Function<HiddenTextApiTest, String> body, String field,
            String storedCount) {

        @Override
        public String toString() {
            return label;
        }

    }

    private static final String TEXT = "Test Lib%sary";

    static Stream<Arguments> endpointsAndCharacters() {
        List<Endpoint> endpoints = List.of(
                new Endpoint("destination name", "admin", null, t -> "{\"name\": \"" + TEXT + "\", \"capacity\": 5}",
                        "name", "select count(*) from location where name like 'Test Lib%'"),
                new Endpoint("kiosk name", "admin", "/api/admin/kiosks",
                        t -> "{\"roomId\": \"" + t.room("Room 204") + "\", \"name\": \"" + TEXT + "\"}", "name",
                        "select count(*) from kiosk"),
                new Endpoint("pass note", "eli", "/api/passes",
                        t -> "{\"departingFromSectionId\": \"" + t.english10() + "\", \"destinationId\": \""
                                + t.destination("Library") + "\", \"type\": \"REGULAR\", \"note\": \"" + TEXT + "\"}",
                        "note", "select count(*) from hall_pass"),
                new Endpoint("no-contact note", "admin", "/api/admin/no-contact-pairs",
                        t -> "{\"studentId\": \"" + t.person("cara").getId() + "\", \"otherStudentId\": \""
                                + t.person("dan").getId() + "\", \"note\": \"" + TEXT + "\"}",
                        "note", "select count(*) from no_contact_pair where created_at is not null"),
                new Endpoint("accommodation note", "admin", "/api/admin/accommodations",
                        t -> "{\"studentId\": \"" + t.person("eli").getId()
                                + "\", \"ruleName\": \"Destination full\", \"from\": \"" + LocalDate.now()
                                + "\", \"until\": \"" + LocalDate.now() + "\", \"note\": \"" + TEXT + "\"}",
                        "note", "select count(*) from accommodation"));
        return endpoints.stream()
            .flatMap(endpoint -> Arrays.stream(Hiding.values()).map(hiding -> Arguments.of(endpoint, hiding)));
    }

    @AfterEach
    void removeWhatWasStored() {
        startWithNoPasses();
        jdbc.update("delete from location where name like 'Test Lib%'");
        jdbc.update("delete from no_contact_pair where created_at is not null");
        jdbc.update("delete from accommodation");
    }

    @ParameterizedTest(name = "{0} with {1}")
    @MethodSource("endpointsAndCharacters")
    void textThatCanHideThingsIsRefusedNamingTheFieldAndNothingIsStored(Endpoint endpoint, Hiding hiding) {
        int before = jdbc.queryForObject(endpoint.storedCount(), Integer.class);
        String body = endpoint.body().apply(this).replace("%s", hiding.escape);

        var answer = call(endpoint.who(), HttpMethod.POST, path(endpoint), body, Map.of());

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(answer.getBody().get("type").asText()).endsWith("/invalid-input");
        assertThat(answer.getBody().get("errors")).singleElement().satisfies(error -> {
            assertThat(error.get("field").asText()).isEqualTo(endpoint.field());
            assertThat(error.get("message").asText()).contains("contains " + hiding.called);
        });
        assertThat(jdbc.queryForObject(endpoint.storedCount(), Integer.class)).isEqualTo(before);
    }

    @Test
    void nameOnTwoLinesIsRefused() {
        var answer = call("admin", HttpMethod.POST, destinations(), "{\"name\": \"Test Lib\\nrary\", \"capacity\": 5}",
                Map.of());

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(answer.getBody().get("errors").get(0).get("message").asText())
            .isEqualTo("contains a control character (U+000A) at position 9.");
    }

    @Test
    void bellSchedulePeriodNameThatCanHideThingsIsRefusedAndTheScheduleKept() {
        String periods = "/api/admin/schools/" + schoolId() + "/periods";
        JsonNode before = get("admin", periods).getBody();

        var answer = call("admin", HttpMethod.PUT, periods,
                "[{\"name\": \"Period \\u20661\", \"startsAt\": \"08:00\", \"endsAt\": \"09:00\", "
                        + "\"days\": [\"MON\"]}]",
                Map.of());

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(answer.getBody().get("errors")).singleElement().satisfies(error -> {
            assertThat(error.get("field").asText()).isEqualTo("[0].name");
            assertThat(error.get("message").asText())
                .isEqualTo("contains a bidirectional override or isolate (U+2066) at position 8.");
        });
        assertThat(get("admin", periods).getBody()).isEqualTo(before);
    }

    @Test
    void noteKeepsItsLineBreaksTabsAndAnyScript() {
        String note = "Back in 5\n\tالمكتبة, then \u56F3\u66F8\u9928\r\nthanks";

        ResponseEntity<JsonNode> answer = post("eli", "/api/passes", Map.of("departingFromSectionId", english10(),
                "destinationId", destination("Library"), "type", "REGULAR", "note", note));

        assertThat(answer.getStatusCode().is2xxSuccessful()).as("%s", answer.getBody()).isTrue();
        assertThat(jdbc.queryForObject("select note from hall_pass where id = ?", String.class,
                answer.getBody().get("id").asText()))
            .isEqualTo(note);
    }

    private String path(Endpoint endpoint) {
        return endpoint.path() != null ? endpoint.path() : destinations();
    }

    private String destinations() {
        return "/api/admin/schools/" + schoolId() + "/destinations";
    }

}
