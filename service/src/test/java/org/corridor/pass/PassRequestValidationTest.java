package org.corridor.pass;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;

import org.corridor.testing.ApiTest;
import org.corridor.testing.OnMariaDb;

/** Bad requests get a problem body a person can read, and leave no pass behind. */
@OnMariaDb
class PassRequestValidationTest extends ApiTest {

    @Test
    void unknownDestinationIsRefusedNamingTheField() {
        var answer = post("ava", "/api/passes", body("destinationId", "no-such-place"));

        assertProblem(answer, HttpStatus.BAD_REQUEST);
        assertThat(answer.getBody().get("errors").get(0).get("field").asText()).isEqualTo("destinationId");
        assertThat(passCount()).isZero();
    }

    @Test
    void sectionTheStudentIsNotInIsRefused() {
        var answer = post("ava", "/api/passes", body("departingFromSectionId", "some-other-section"));

        assertProblem(answer, HttpStatus.BAD_REQUEST);
        assertThat(answer.getBody().get("detail").asText())
            .contains("You are not in section some-other-section right now");
        assertThat(passCount()).isZero();
    }

    @Test
    void secondOpenRequestIsRefusedNamingTheOpenOne() {
        String first = request("ava", "Restroom").getBody().get("id").asText();

        var second = request("ava", "Nurse");

        assertProblem(second, HttpStatus.CONFLICT);
        assertThat(second.getBody().get("openPassId").asText()).isEqualTo(first);
        assertThat(second.getBody().get("detail").asText())
            .isEqualTo("You already have an open pending pass to Restroom, sent to Ms Rivera. "
                    + "End or cancel it before asking for another.");
        assertThat(passCount()).isEqualTo(1);
    }

    @Test
    void overlongIdempotencyKeyIsAProblemNotAnError() {
        var answer = call("ava", HttpMethod.POST, "/api/passes", body("note", "x"),
                Map.of("Idempotency-Key", "k".repeat(101)));

        assertProblem(answer, HttpStatus.BAD_REQUEST);
        assertThat(answer.getBody().get("errors").findValuesAsText("field")).containsExactly("idempotencyKey");
        assertThat(passCount()).isZero();
    }

    @Test
    void malformedJsonIsRefused() {
        var answer = call("ava", HttpMethod.POST, "/api/passes", "{\"destinationId\": ", Map.of());

        assertProblem(answer, HttpStatus.BAD_REQUEST);
        assertThat(answer.getBody().get("detail").asText())
            .isEqualTo("The request body is missing or is not valid JSON.");
    }

    @Test
    void missingFieldsAreEachNamed() {
        var answer = post("ava", "/api/passes", Map.of());

        assertProblem(answer, HttpStatus.BAD_REQUEST);
        assertThat(answer.getBody().get("errors").findValuesAsText("field")).containsExactlyInAnyOrder("destinationId",
                "type");
    }

    @Test
    void studentMustSayWhichClassTheyAreLeaving() {
        var answer = post("ava", "/api/passes", body("departingFromSectionId", null));

        assertProblem(answer, HttpStatus.BAD_REQUEST);
        assertThat(answer.getBody().get("errors").findValuesAsText("field")).containsExactly("departingFromSectionId");
        assertThat(passCount()).isZero();
    }

    @Test
    void oversizedNoteIsRefused() {
        var answer = post("ava", "/api/passes", body("note", "x".repeat(501)));

        assertProblem(answer, HttpStatus.BAD_REQUEST);
        assertThat(answer.getBody().get("errors").findValuesAsText("field")).containsExactly("note");
        assertThat(passCount()).isZero();
    }

    @Test
    void enormousBodyIsRefusedBeforeItIsRead() {
        var answer = post("ava", "/api/passes", body("note", "x".repeat(100_000)));

        assertProblem(answer, HttpStatus.PAYLOAD_TOO_LARGE);
        assertThat(passCount()).isZero();
    }

    @Test
    void unknownPassTypeIsRefusedListingTheTypes() {
        var answer = post("ava", "/api/passes", body("type", "TELEPORT"));

        assertProblem(answer, HttpStatus.BAD_REQUEST);
        assertThat(answer.getBody().get("detail").asText())
            .isEqualTo("Field 'type' must be one of [REGULAR, AUTO, PROXY, APPOINTMENT].");
    }

    @Test
    void teacherCannotRequestARegularPassForThemselves() {
        var answer = post("rivera", "/api/passes", body("note", "coffee"));

        assertProblem(answer, HttpStatus.BAD_REQUEST);
        assertThat(answer.getBody().get("errors").findValuesAsText("field")).containsExactly("type");
        assertThat(passCount()).isZero();
    }

    @Test
    void unauthenticatedCallIsAProblemNotALoginPage() {
        var answer = get(null, "/api/me");

        assertProblem(answer, HttpStatus.UNAUTHORIZED);
    }

    @Test
    void unauthenticatedRequestForAPassIsAskedToSignIn() {
        var answer = post(null, "/api/passes", body("note", "hi"));

        assertProblem(answer, HttpStatus.UNAUTHORIZED);
        assertThat(passCount()).isZero();
    }

    @Test
    void sameIdempotencyKeyGivesTheSamePass() {
        Map<String, String> key = Map.of("Idempotency-Key", "tap-1");
        String first = call("ava", HttpMethod.POST, "/api/passes", body("note", "first"), key).getBody()
            .get("id")
            .asText();

        var again = call("ava", HttpMethod.POST, "/api/passes", body("note", "first"), key);

        assertThat(again.getBody().get("id").asText()).isEqualTo(first);
        assertThat(passCount()).isEqualTo(1);
    }

    private Map<String, Object> body(String field, Object value) {
        Map<String, Object> body = new HashMap<>(Map.of("departingFromSectionId", english10(), "destinationId",
                destination("Restroom"), "type", "REGULAR"));
        body.put(field, value);
        return body;
    }

    private static void assertProblem(ResponseEntity<JsonNode> answer, HttpStatus status) {
        assertThat(answer.getStatusCode()).isEqualTo(status);
        assertThat(answer.getHeaders().getContentType()).hasToString("application/problem+json");
        assertThat(answer.getBody().get("status").asInt()).isEqualTo(status.value());
        assertThat(answer.getBody().get("title").asText()).isNotBlank();
        assertThat(answer.getBody().get("detail").asText()).isNotBlank();
    }

}
