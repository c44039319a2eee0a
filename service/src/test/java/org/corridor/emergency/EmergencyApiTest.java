package org.corridor.emergency;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;

import com.fasterxml.jackson.databind.JsonNode;

import org.corridor.testing.ApiTest;
import org.corridor.testing.OnMariaDb;

@OnMariaDb
class EmergencyApiTest extends ApiTest {

    @Test
    void emergencyEndsEveryPassAndListsWhoWasOutAndWhere() {
        String out = out("ava", "Library");
        String pending = request("ben", "Restroom").getBody().get("id").asText();

        var answer = post("admin", emergency(), null);

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        JsonNode studentsOut = answer.getBody().get("studentsOut");
        assertThat(studentsOut).hasSize(1);
        assertThat(studentsOut.get(0).get("student").get("name").asText()).isEqualTo("Ava Adams");
        assertThat(studentsOut.get(0).get("destination").get("name").asText()).isEqualTo("Library");
        assertThat(answer.getBody().get("requestsCancelled").findValuesAsText("name")).containsExactly("Ben Brooks");
        assertThat(pass("admin", out).get("state").asText()).isEqualTo("COMPLETED");
        assertThat(pass("admin", pending).get("state").asText()).isEqualTo("CANCELLED");
    }

    @Test
    void newRequestsAreRefusedUntilTheEmergencyIsCleared() {
        post("admin", emergency(), null);

        var refused = request("ava", "Restroom");
        call("admin", HttpMethod.DELETE, emergency(), null, Map.of());
        var accepted = request("ava", "Restroom");

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(refused.getBody().get("type").asText()).endsWith("/emergency-in-force");
        assertThat(accepted.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    }

    @Test
    void historyRecordsWhoEndedThePass() {
        String out = out("ava", "Library");

        post("admin", emergency(), null);

        JsonNode events = get("auditor", "/api/audit/passes/" + out).getBody().get("events");
        JsonNode last = events.get(events.size() - 1);
        assertThat(last.get("kind").asText()).isEqualTo("ENDED_IN_EMERGENCY");
        assertThat(last.get("actor").get("name").asText()).isEqualTo(person("admin").getName());
    }

    @Test
    void emergencyStatusShowsWhoDeclaredItAndNamesTheSchoolAndItsTimeZone() {
        post("admin", emergency(), null);

        JsonNode status = get("admin", emergency()).getBody();

        assertThat(status.get("inForce").asBoolean()).isTrue();
        assertThat(status.get("current").get("declaredBy").get("name").asText()).isEqualTo(person("admin").getName());
        assertThat(status.get("schoolName").asText())
            .isEqualTo(jdbc.queryForObject("select name from school where id = ?", String.class, schoolId()));
        assertThat(status.get("timeZone").asText()).isEqualTo("America/New_York");
    }

    @Test
    void declaringTwiceIsAConflictAndChangesNothing() {
        post("admin", emergency(), null);

        var again = post("admin", emergency(), null);

        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(jdbc.queryForObject("select count(*) from school_emergency", Integer.class)).isEqualTo(1);
    }

    @Test
    void teacherCannotDeclareAnEmergency() {
        String out = out("ava", "Library");

        var answer = post("rivera", emergency(), null);

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(pass("admin", out).get("state").asText()).isEqualTo("ACTIVE");
    }

    @Test
    void unknownSchoolIsNotFound() {
        var answer = post("admin", "/api/admin/schools/no-such-school/emergency", null);

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(jdbc.queryForList("select id from school_emergency")).isEqualTo(List.of());
    }

    private String emergency() {
        return "/api/admin/schools/" + schoolId() + "/emergency";
    }

}
