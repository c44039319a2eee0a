package org.corridor.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;

import com.fasterxml.jackson.databind.JsonNode;

import org.corridor.testing.ApiTest;
import org.corridor.testing.OnMariaDb;

/** A student's plan exempts them from a named rule between two dates. */
@OnMariaDb
class AccommodationApiTest extends ApiTest {

    @Autowired
    AccommodationRepository accommodations;

    @AfterEach
    void removeAccommodations() {
        accommodations.deleteAll();
    }

    @Test
    void exemptedStudentsRequestCarriesNoFlagOfThatRule() {
        LocalDate today = LocalDate.now(ZoneId.of("America/New_York"));
        post("admin", "/api/admin/accommodations", Map.of("studentId", person("eli").getId(), "ruleName",
                "Destination full", "from", today.toString(), "until", today.toString()));
        out("cara", "Restroom");
        out("dan", "Restroom");

        var answer = request("eli", "Restroom");

        assertThat(answer.getBody().get("flags")).isEmpty();
    }

    @Test
    void accommodationEndingBeforeItStartsIsRefused() {
        var answer = post("admin", "/api/admin/accommodations", Map.of("studentId", person("eli").getId(), "ruleName",
                "Destination full", "from", "2026-11-10", "until", "2026-11-09"));

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(accommodations.count()).isZero();
    }

    @Test
    void teacherCannotSetAccommodations() {
        var answer = post("rivera", "/api/admin/accommodations", Map.of("studentId", person("eli").getId(), "ruleName",
                "Destination full", "from", "2026-11-10", "until", "2026-11-12"));

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void changedDatesTakeEffectOnTheNextRequest() {
        LocalDate today = LocalDate.now(ZoneId.of("America/New_York"));
        String id = post("admin", "/api/admin/accommodations",
                Map.of("studentId", person("eli").getId(), "ruleName", "Destination full", "from",
                        today.plusDays(1).toString(), "until", today.plusDays(3).toString()))
            .getBody()
            .get("id")
            .asText();

        var changed = put("admin", "/api/admin/accommodations/" + id, Map.of("ruleName", "Destination full", "from",
                today.toString(), "until", today.plusDays(3).toString(), "note", "504 plan"));
        out("cara", "Restroom");
        out("dan", "Restroom");

        assertThat(changed.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(changed.getBody().get("standing").asText()).isEqualTo("IN_FORCE");
        assertThat(changed.getBody().get("note").asText()).isEqualTo("504 plan");
        assertThat(request("eli", "Restroom").getBody().get("flags")).isEmpty();
    }

    @Test
    void changeThatEndsBeforeItStartsIsRefusedAndNothingChanges() {
        String id = post("admin", "/api/admin/accommodations", Map.of("studentId", person("eli").getId(), "ruleName",
                "Destination full", "from", "2026-11-10", "until", "2026-11-12"))
            .getBody()
            .get("id")
            .asText();

        var answer = put("admin", "/api/admin/accommodations/" + id,
                Map.of("ruleName", "Daily pass limit", "from", "2026-11-10", "until", "2026-11-01"));

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(answer.getBody().get("errors").findValuesAsText("field")).containsExactly("until");
        Accommodation kept = accommodations.findById(id).orElseThrow();
        assertThat(kept.getRuleName()).isEqualTo("Destination full");
        assertThat(kept.getUntilDate()).isEqualTo(LocalDate.parse("2026-11-12"));
    }

    @Test
    void changeWithMissingFieldsNamesThem() {
        String id = post("admin", "/api/admin/accommodations", Map.of("studentId", person("eli").getId(), "ruleName",
                "Destination full", "from", "2026-11-10", "until", "2026-11-12"))
            .getBody()
            .get("id")
            .asText();

        var answer = put("admin", "/api/admin/accommodations/" + id, Map.of("ruleName", ""));

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(answer.getBody().get("errors").findValuesAsText("field")).containsExactlyInAnyOrder("ruleName",
                "from", "until");
    }

    @Test
    void endedEarlyAccommodationNoLongerExemptsToday() {
        LocalDate today = LocalDate.now(ZoneId.of("America/New_York"));
        String id = post("admin", "/api/admin/accommodations",
                Map.of("studentId", person("eli").getId(), "ruleName", "Destination full", "from",
                        today.minusDays(5).toString(), "until", today.plusDays(5).toString()))
            .getBody()
            .get("id")
            .asText();

        var ended = call("admin", HttpMethod.DELETE, "/api/admin/accommodations/" + id, null, Map.of());
        out("cara", "Restroom");
        out("dan", "Restroom");

        assertThat(ended.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(accommodations.findById(id).orElseThrow().getUntilDate()).isEqualTo(today.minusDays(1));
        assertThat(request("eli", "Restroom").getBody().get("flags").findValuesAsText("code"))
            .contains("DESTINATION_FULL");
    }

    @Test
    void endingOneThatHasNotStartedRemovesIt() {
        LocalDate today = LocalDate.now(ZoneId.of("America/New_York"));
        String id = post("admin", "/api/admin/accommodations",
                Map.of("studentId", person("eli").getId(), "ruleName", "Destination full", "from",
                        today.plusDays(2).toString(), "until", today.plusDays(5).toString()))
            .getBody()
            .get("id")
            .asText();

        call("admin", HttpMethod.DELETE, "/api/admin/accommodations/" + id, null, Map.of());

        assertThat(accommodations.findById(id)).isEmpty();
    }

    @Test
    void theDistrictsAccommodationsAreListedWithTheStudentsNames() {
        post("admin", "/api/admin/accommodations", Map.of("studentId", person("eli").getId(), "ruleName",
                "Destination full", "from", "2026-11-10", "until", "2026-11-12"));
        post("admin", "/api/admin/accommodations", Map.of("studentId", person("ava").getId(), "ruleName",
                "Cooldown between passes", "from", "2026-11-10", "until", "2099-11-12"));

        JsonNode list = get("admin", "/api/admin/accommodations").getBody();

        assertThat(list.findValuesAsText("studentName")).containsExactlyInAnyOrder(person("eli").getName(),
                person("ava").getName());
        assertThat(list.findValuesAsText("standing")).containsExactlyInAnyOrder("ENDED", "IN_FORCE");
    }

    @Test
    void teachersNeverSeeAccommodations() {
        post("admin", "/api/admin/accommodations", Map.of("studentId", person("eli").getId(), "ruleName",
                "Destination full", "from", "2026-11-10", "until", "2026-11-12"));

        assertThat(get("rivera", "/api/admin/accommodations").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(get("rivera", "/api/admin/accommodations?studentId=" + person("eli").getId()).getStatusCode())
            .isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void studentsAreFoundByTheStartOfTheirNameOrByNumber() {
        JsonNode byName = get("admin",
                "/api/admin/accommodations/students?q=" + person("eli").getGivenName().substring(0, 2).toLowerCase())
            .getBody();
        JsonNode byNumber = get("admin", "/api/admin/accommodations/students?q=" + person("ava").getStudentNumber())
            .getBody();

        assertThat(byName.findValuesAsText("id")).contains(person("eli").getId());
        assertThat(byNumber.findValuesAsText("name")).containsExactly(person("ava").getName());
        assertThat(get("admin", "/api/admin/accommodations/students?q=%25").getBody()).isEmpty();
    }

}
