package org.corridor.emergency;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

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

    @Test
    void districtTeacherOfNoSchoolWhoTeachesAClassHereIsToldOfTheEmergency() {
        String coTeacher = districtTeacher();
        String english10 = jdbc.queryForObject("select id from section where name = 'English 10' and school_id = ?",
                String.class, schoolId());
        jdbc.update("insert into section_co_teacher (section_id, person_id) values (?, ?)", english10, coTeacher);
        try {
            post("admin", emergency(), null);

            assertThat(emergencyNoticesOf(coTeacher)).isEqualTo(1);
        }
        finally {
            jdbc.update("delete from section_co_teacher where person_id = ?", coTeacher);
            jdbc.update("update person set removed_at = current_timestamp where id = ?", coTeacher);
        }
    }

    @Test
    void districtTeacherWhoTeachesNoClassHereIsNotToldOfTheEmergency() {
        String elsewhere = districtTeacher();
        try {
            post("admin", emergency(), null);

            assertThat(emergencyNoticesOf(elsewhere)).isZero();
        }
        finally {
            jdbc.update("update person set removed_at = current_timestamp where id = ?", elsewhere);
        }
    }

    /**
     * A teacher of the district attached to no school, as a roster makes a teacher who
     * works across schools. Removed once the test is done, so no other test counts them
     * as staff.
     */
    private String districtTeacher() {
        // who is told is the school's choice: every member of staff here
        jdbc.update("update school set email_emergencies_to = 'ALL_STAFF' where id = ?", schoolId());
        String id = UUID.randomUUID().toString();
        String email = "roaming-" + id + "@corridor.test";
        jdbc.update(
                "insert into person (id, district_id, school_id, email, email_key, given_name, family_name, version)"
                        + " values (?, ?, null, ?, ?, 'Robin', 'Roaming', 0)",
                id, person("admin").getDistrictId(), email, email);
        jdbc.update("insert into person_role (person_id, role) values (?, 'TEACHER')", id);
        return id;
    }

    private int emergencyNoticesOf(String personId) {
        return jdbc.queryForObject("select count(*) from notification where person_id = ? and kind = 'EMERGENCY'",
                Integer.class, personId);
    }

    private String emergency() {
        return "/api/admin/schools/" + schoolId() + "/emergency";
    }

}
