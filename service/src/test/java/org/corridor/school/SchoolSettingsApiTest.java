package org.corridor.school;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.corridor.testing.ApiTest;
import org.corridor.testing.OnMariaDb;

/**
 * Administrators tune a school's timers; bad values are refused whole and change nothing.
 */
@OnMariaDb
class SchoolSettingsApiTest extends ApiTest {

    @Autowired
    SchoolRepository schools;

    @Autowired
    DistrictRepository districts;

    private String settings() {
        return "/api/admin/schools/" + schoolId() + "/settings";
    }

    /** Other tests rely on the demo school's defaults (V1 and V3 migrations). */
    @AfterEach
    void restoreDemoDefaults() {
        jdbc.update("""
                update school set long_running_minutes = 10, auto_end_minutes = 45, request_expiry_minutes = 15,
                  resend_after_seconds = 120, escalate_after_seconds = 300, escalate_to = 'ADMINISTRATORS',
                  appointment_lead_minutes = 5, counted_pass_types = 'REGULAR,AUTO,PROXY',
                  waiting_expiry_minutes = 10, auto_passes_wait = false, max_students_out = 0,
                  hall_limit_counts = 'STUDENT,TEACHER,KIOSK', teachers_may_exceed_hall_limit = true,
                  email_escalations_to = 'ESCALATION_CONTACTS', email_ended_by_system_to = 'DEPARTING_TEACHER',
                  email_emergencies_to = 'ALL_STAFF'
                where id = ?""", schoolId());
        schoolsOrLocationsChangedInSql();
    }

    @Test
    void adminReadsDefaults() {
        var answer = get("admin", settings());

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(answer.getBody()).isEqualTo(defaults());
    }

    @Test
    void auditorReadsSettings() {
        var answer = get("auditor", settings());

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void adminChangesLongRunningMinutes() {
        put("admin", settings(), Map.of("longRunningMinutes", 15));

        assertThat(get("admin", settings()).getBody().get("longRunningMinutes").asInt()).isEqualTo(15);
    }

    @Test
    void partialPutKeepsOtherFields() {
        var answer = put("admin", settings(), Map.of("escalateTo", "CO_TEACHERS"));

        ObjectNode expected = defaults().put("escalateTo", "CO_TEACHERS");
        assertThat(answer.getBody()).isEqualTo(expected);
    }

    @Test
    void autoEndNotAfterLongRunningIsRefusedAndNothingChanges() {
        var answer = put("admin", settings(), Map.of("longRunningMinutes", 30, "autoEndMinutes", 30));

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(errorFields(answer.getBody())).containsExactly("autoEndMinutes");
        assertThat(get("admin", settings()).getBody()).isEqualTo(defaults());
    }

    @Test
    void escalationAfterExpiryIsRefused() {
        var answer = put("admin", settings(), Map.of("requestExpiryMinutes", 5, "escalateAfterSeconds", 300));

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(errorFields(answer.getBody())).containsExactly("escalateAfterSeconds");
    }

    @Test
    void adminChoosesWhomTheSchoolEmails() {
        var answer = put("admin", settings(),
                Map.of("emailEscalationsTo", "NOBODY", "emailEmergenciesTo", "ADMINISTRATORS"));

        assertThat(answer.getBody())
            .isEqualTo(defaults().put("emailEscalationsTo", "NOBODY").put("emailEmergenciesTo", "ADMINISTRATORS"));
    }

    @Test
    void unknownEmailRecipientsAreRefusedNamingEachField() {
        var answer = put("admin", settings(),
                Map.of("emailEndedBySystemTo", "ALL_STAFF", "emailEmergenciesTo", "EVERYONE"));

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(errorFields(answer.getBody())).containsExactly("emailEndedBySystemTo", "emailEmergenciesTo");
        assertThat(get("admin", settings()).getBody()).isEqualTo(defaults());
    }

    @Test
    void unknownPassTypeIsRefused() {
        var answer = put("admin", settings(), Map.of("countedPassTypes", List.of("REGULAR", "HALLWAY")));

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(answer.getBody().get("errors").get(0).get("message").asText()).contains("HALLWAY");
    }

    @Test
    void misspelledSettingIsRefusedNotIgnored() {
        var answer = put("admin", settings(), Map.of("longRunningMinute", 15));

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(errorFields(answer.getBody())).containsExactly("longRunningMinute");
    }

    @Test
    void outOfRangeValuesNameEachField() {
        var answer = put("admin", settings(),
                Map.of("longRunningMinutes", 0, "requestExpiryMinutes", 121, "appointmentLeadMinutes", 61));

        assertThat(errorFields(answer.getBody())).containsExactlyInAnyOrder("longRunningMinutes",
                "requestExpiryMinutes", "appointmentLeadMinutes");
    }

    @Test
    void teacherCannotChangeSettings() {
        var answer = put("rivera", settings(), Map.of("longRunningMinutes", 15));

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void schoolOfAnotherDistrictIs404() {
        District other = districts.save(new District("Other District"));
        School elsewhere = schools.save(new School(other.getId(), "Other High", ZoneId.of("Europe/Berlin")));
        try {
            var answer = put("admin", "/api/admin/schools/" + elsewhere.getId() + "/settings",
                    Map.of("longRunningMinutes", 15));

            assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        }
        finally {
            schools.delete(elsewhere);
            districts.delete(other);
        }
    }

    private ObjectNode defaults() {
        return json("""
                {"schoolId": "%s", "longRunningMinutes": 10, "autoEndMinutes": 45, "requestExpiryMinutes": 15,
                 "resendAfterSeconds": 120, "escalateAfterSeconds": 300, "escalateTo": "ADMINISTRATORS",
                 "appointmentLeadMinutes": 5, "countedPassTypes": ["REGULAR", "AUTO", "PROXY"],
                 "kioskRequiresPin": false, "waitingExpiryMinutes": 10, "autoPassesWait": false, "maxStudentsOut": 0,
                 "hallLimitCounts": ["STUDENT", "TEACHER", "KIOSK"], "teachersMayExceedHallLimit": true,
                 "emailEscalationsTo": "ESCALATION_CONTACTS", "emailEndedBySystemTo": "DEPARTING_TEACHER",
                 "emailEmergenciesTo": "ALL_STAFF"}""".formatted(schoolId()));
    }

    private static List<String> errorFields(JsonNode problem) {
        return problem.get("errors").findValuesAsText("field");
    }

    private static ObjectNode json(String text) {
        try {
            return (ObjectNode) new ObjectMapper().readTree(text);
        }
        catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

}
