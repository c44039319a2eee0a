package org.corridor.pass;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

import com.fasterxml.jackson.databind.JsonNode;

import org.corridor.testing.ApiTest;

/**
 * The walkthrough of the README (and of docs/teachers.md), through HTTP, the real engine,
 * the real rules and a real database. Run once per database by the subclasses.
 */
abstract class PassLifecycleEndToEnd extends ApiTest {

    @Test
    void requestTravelsFromStudentToTeacherAndEndsAtCheckIn() {
        var requested = request("ava", "Restroom");
        assertThat(requested.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String id = requested.getBody().get("id").asText();
        assertThat(requested.getBody().get("state").asText()).isEqualTo("PENDING");
        assertThat(requested.getBody().get("status").asText())
            .isEqualTo("Sent to Ms Rivera, Room 204 — not yet on the teacher's screen");

        assertThat(ids(get("rivera", "/api/requests").getBody())).containsExactly(id);
        assertThat(ids(get("chen", "/api/requests").getBody())).isEmpty();

        var approved = post("rivera", "/api/passes/" + id + "/approve", Map.of());
        assertThat(approved.getBody().get("state").asText()).isEqualTo("ACTIVE");
        assertThat(approved.getBody().get("color").asText()).isEqualTo("GREEN");

        var checkedIn = post("rivera", "/api/passes/" + id + "/check-in", null);
        assertThat(checkedIn.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(get("ava", "/api/passes/" + id).getBody().get("state").asText()).isEqualTo("COMPLETED");
        assertThat(history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(id).singleResult())
            .satisfies(instance -> {
                assertThat(instance.getEndTime()).isNotNull();
                assertThat(instance.getEndActivityId()).isEqualTo("EndEvent_PassCompleted");
            });
    }

    @Test
    void thirdRequestForAFullRestroomIsFlaggedAndTheOverrideIsRecorded() {
        out("cara", "Restroom");
        out("dan", "Restroom");

        JsonNode third = request("eli", "Restroom").getBody();

        assertThat(third.get("flags")).singleElement().satisfies(flag -> {
            assertThat(flag.get("code").asText()).isEqualTo("DESTINATION_FULL");
            assertThat(flag.get("severity").asText()).isEqualTo("WARN");
            assertThat(flag.get("message").asText()).isEqualTo("Restroom is full: 2 of 2 places taken");
            assertThat(flag.get("rule").asText()).isEqualTo("Destination full");
            assertThat(flag.get("ruleSetVersion").asText()).isEqualTo("v1");
        });
        String id = third.get("id").asText();
        var approved = post("rivera", "/api/passes/" + id + "/approve",
                Map.of("acknowledgedFlags", List.of("DESTINATION_FULL")));
        assertThat(approved.getBody().get("state").asText()).isEqualTo("ACTIVE");
        JsonNode timeline = get("auditor", "/api/audit/passes/" + id).getBody().get("events");
        assertThat(timeline.findValuesAsText("kind")).containsExactly("REQUESTED", "ROUTED", "APPROVED");
        assertThat(timeline.get(1).get("detail").asText())
            .isEqualTo("Sent to Ms Rivera, Room 204; flags: DESTINATION_FULL");
        assertThat(timeline.get(2).get("detail").asText()).isEqualTo("Approved over flags: DESTINATION_FULL (WARN)");
        assertThat(timeline.get(2).get("actor").get("name").asText()).isEqualTo("Ms Rivera");
    }

    @Test
    void requestWhileANoContactPartnerIsOutCarriesTheNoContactFlag() {
        out("ava", "Library");

        String id = request("ben", "Restroom").getBody().get("id").asText();

        JsonNode teacherView = get("rivera", "/api/passes/" + id).getBody();
        assertThat(teacherView.get("flags").findValuesAsText("message"))
            .containsExactly("No-contact conflict: Ava Adams is out (Library)");
        JsonNode studentView = get("ben", "/api/passes/" + id).getBody();
        assertThat(studentView.get("flags").findValuesAsText("message"))
            .containsExactly("A no-contact restriction applies to this request");
    }

    private static List<String> ids(JsonNode passes) {
        List<String> ids = new ArrayList<>();
        passes.forEach(pass -> ids.add(pass.get("id").asText()));
        return ids;
    }

}
