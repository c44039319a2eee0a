package org.corridor.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

import com.fasterxml.jackson.databind.JsonNode;

import org.corridor.testing.ApiTest;
import org.corridor.testing.OnH2;

/**
 * A pass's whole record for the auditor: what the rules saw, and the path its processes
 * took in the engine.
 */
@OnH2
class AuditPassRecordApiTest extends ApiTest {

    @Test
    void eachFlagComesWithTheFactsTheRulesSawAndItsRuleSetVersion() {
        String avas = out("ava", "Library");
        String bens = request("ben", "Library").getBody().get("id").asText();

        JsonNode rules = get("auditor", "/api/audit/passes/" + bens).getBody().get("rules");

        JsonNode flag = rules.get("flags").get(0);
        assertThat(flag.get("code").asText()).isEqualTo("NO_CONTACT");
        assertThat(flag.get("ruleSetVersion").asText()).isNotBlank();
        assertThat(flag.get("rule").asText()).isNotBlank();
        assertThat(rules.get("facts").get("request").get("passId").asText()).isEqualTo(bens);
        assertThat(rules.get("facts").get("noContactPartnersOut").toString()).contains(person("ava").getId());
        assertThat(avas).isNotEqualTo(bens);
    }

    @Test
    void aRegularPassWalksThroughApprovalToItsEnd() {
        String id = out("ava", "Restroom");
        post("ava", "/api/passes/" + id + "/end", Map.of());

        JsonNode path = path(id);

        assertThat(path.get("processes")).hasSize(1);
        JsonNode lifecycle = path.get("processes").get(0);
        assertThat(lifecycle.get("process").asText()).isEqualTo("pass-lifecycle");
        assertThat(lifecycle.get("endedAt").isNull()).isFalse();
        List<String> visited = activities(lifecycle);
        assertThat(visited).containsSubsequence("StartEvent_PassRequested", "Task_EvaluatePolicy", "Task_RouteRequest",
                "Task_ApprovePass", "Task_ActivatePass");
        JsonNode approval = step(lifecycle, "Task_ApprovePass");
        assertThat(approval.get("type").asText()).isEqualTo("userTask");
        assertThat(approval.get("name").asText()).isNotBlank();
        assertThat(Instant.parse(approval.get("endedAt").asText()))
            .isAfterOrEqualTo(Instant.parse(approval.get("startedAt").asText()));
        JsonNode last = lifecycle.get("activities").get(lifecycle.get("activities").size() - 1);
        assertThat(last.get("type").asText()).endsWith("EndEvent");
    }

    @Test
    void anAutoPassGoesStraightToActive() {
        Map<String, Object> body = new HashMap<>(Map.of("departingFromSectionId", english10(), "destinationId",
                destination("Restroom"), "type", "AUTO"));
        String id = post("ava", "/api/passes", body).getBody().get("id").asText();

        JsonNode lifecycle = path(id).get("processes").get(0);

        List<String> visited = activities(lifecycle);
        assertThat(visited).containsSubsequence("Task_EvaluatePolicy", "Task_DecideApproval", "Task_ActivatePass");
        assertThat(visited).doesNotContain("Task_ApprovePass", "Task_RouteRequest");
        assertThat(lifecycle.get("endedAt").isNull()).as("the student is still out").isTrue();
    }

    @Test
    void anExpiredRequestShowsTheTimerThatEndedIt() {
        String id = request("ava", "Restroom").getBody().get("id").asText();
        fireTimer(id, "Boundary_RequestExpired");

        List<String> visited = activities(path(id).get("processes").get(0));

        assertThat(visited).containsSubsequence("Task_ApprovePass", "Boundary_RequestExpired", "Task_ExpireRequest",
                "EndEvent_RequestExpired");
    }

    @Test
    void anAppointmentShowsItsOwnProcessBeforeThePassLifecycleItStarted() {
        Map<String, Object> body = new HashMap<>(Map.of("departingFromSectionId", english10(), "destinationId",
                destination("Main Office"), "type", "APPOINTMENT", "studentId", person("ava").getId(), "startsAt",
                Instant.now().plus(Duration.ofMinutes(30)).toString()));
        String id = post("okafor", "/api/passes", body).getBody().get("id").asText();
        fireTimer(id, "Event_AnnouncementDue");
        fireTimer(id, "Event_AppointmentDue");

        JsonNode processes = path(id).get("processes");

        assertThat(processes).hasSize(2);
        assertThat(processes.get(0).get("process").asText()).isEqualTo("appointment-pass");
        assertThat(activities(processes.get(0))).containsSubsequence("Event_AnnouncementDue", "Event_AppointmentDue");
        assertThat(processes.get(1).get("process").asText()).isEqualTo("pass-lifecycle");
        assertThat(activities(processes.get(1))).contains("Task_ActivatePass").doesNotContain("Task_ApprovePass");
    }

    @Test
    void aPassOfNoOnesDistrictIsNotFoundAndTeachersMayNotReadPaths() {
        String id = request("ava", "Restroom").getBody().get("id").asText();

        assertThat(get("auditor", "/api/audit/passes/no-such-pass/path").getStatusCode())
            .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(get("rivera", "/api/audit/passes/" + id + "/path").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    private JsonNode path(String passId) {
        var answer = get("auditor", "/api/audit/passes/" + passId + "/path");
        assertThat(answer.getStatusCode()).as("%s", answer.getBody()).isEqualTo(HttpStatus.OK);
        return answer.getBody();
    }

    private static List<String> activities(JsonNode process) {
        List<String> ids = new ArrayList<>();
        process.get("activities").forEach(a -> ids.add(a.get("activityId").asText()));
        return ids;
    }

    private static JsonNode step(JsonNode process, String activityId) {
        for (JsonNode a : process.get("activities")) {
            if (a.get("activityId").asText().equals(activityId)) {
                return a;
            }
        }
        throw new AssertionError(activityId + " not in " + activities(process));
    }

}
