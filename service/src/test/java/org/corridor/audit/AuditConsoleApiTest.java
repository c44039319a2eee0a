package org.corridor.audit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

import com.fasterxml.jackson.databind.JsonNode;

import org.corridor.testing.ApiTest;
import org.corridor.testing.OnH2;

/**
 * What the auditor's console asks besides the search: the deployed model a pass's path is
 * drawn on, and people found by name.
 */
@OnH2
class AuditConsoleApiTest extends ApiTest {

    @Test
    void thePathNamesTheModelVersionItIsDrawnOnAndTheModelIsTheDeployedBpmn() {
        String id = out("ava", "Restroom");
        JsonNode lifecycle = get("auditor", "/api/audit/passes/" + id + "/path").getBody().get("processes").get(0);
        int version = lifecycle.get("version").asInt();

        JsonNode model = get("auditor", "/api/audit/models/pass-lifecycle?version=" + version).getBody();

        assertThat(version).isPositive();
        assertThat(model.get("key").asText()).isEqualTo("pass-lifecycle");
        assertThat(model.get("version").asInt()).isEqualTo(version);
        String xml = model.get("xml").asText();
        assertThat(xml).contains("bpmndi:BPMNDiagram").contains("id=\"Task_ApprovePass\"");
        lifecycle.get("activities")
            .forEach(step -> assertThat(xml).contains("bpmnElement=\"" + step.get("activityId").asText() + "\""));
        assertThat(get("admin", "/api/audit/models/appointment-pass").getBody().get("xml").asText())
            .contains("bpmndi:BPMNShape");
    }

    @Test
    void anUnknownModelIsNotFoundAndABadVersionNamesTheField() {
        assertThat(get("auditor", "/api/audit/models/payroll").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(get("auditor", "/api/audit/models/pass-lifecycle?version=999").getStatusCode())
            .isEqualTo(HttpStatus.NOT_FOUND);
        var bad = get("auditor", "/api/audit/models/pass-lifecycle?version=latest");
        assertThat(bad.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(bad.getBody().get("errors").get(0).get("field").asText()).isEqualTo("version");
        assertThat(get("rivera", "/api/audit/models/pass-lifecycle").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void peopleAreFoundByTheStartOfANameOrAStudentNumber() {
        String ava = person("ava").getId();
        String number = person("ava").getStudentNumber();

        JsonNode byName = get("auditor", "/api/audit/people?q=av").getBody();
        JsonNode byNumber = get("auditor", "/api/audit/people?q=" + number).getBody();
        JsonNode teachers = get("auditor", "/api/audit/people?q=riv&role=teacher").getBody();

        assertThat(byName.findValuesAsText("id")).contains(ava);
        assertThat(byNumber.findValuesAsText("id")).containsExactly(ava);
        assertThat(byNumber.get(0).get("studentNumber").asText()).isEqualTo(number);
        assertThat(teachers.findValuesAsText("id")).containsExactly(person("rivera").getId());
        assertThat(get("auditor", "/api/audit/people?q=riv").getBody()).as("students only by default").isEmpty();
    }

    @Test
    void aLookUpWithoutWordsOrOfAnUnknownRoleIsRefusedNamingTheField() {
        var empty = get("auditor", "/api/audit/people?q=");
        var role = get("auditor", "/api/audit/people?q=a&role=KIOSK");

        assertThat(empty.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(empty.getBody().get("errors").get(0).get("field").asText()).isEqualTo("q");
        assertThat(role.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(role.getBody().get("errors").get(0).get("field").asText()).isEqualTo("role");
        assertThat(get("ava", "/api/audit/people?q=a").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }

}
