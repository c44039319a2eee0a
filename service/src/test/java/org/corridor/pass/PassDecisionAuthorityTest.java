package org.corridor.pass;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;

import com.fasterxml.jackson.databind.JsonNode;

import org.corridor.person.Person;
import org.corridor.person.Role;
import org.corridor.school.District;
import org.corridor.school.DistrictRepository;
import org.corridor.school.School;
import org.corridor.school.SchoolRepository;
import org.corridor.testing.ApiTest;
import org.corridor.testing.OnMariaDb;

/** Only the right person can act on a pass, and only once. */
@OnMariaDb
class PassDecisionAuthorityTest extends ApiTest {

    @Autowired
    DistrictRepository districts;

    @Autowired
    SchoolRepository schools;

    @BeforeEach
    void anotherDistrictExists() {
        if (districts.findByName("Other District").isEmpty()) {
            District other = districts.save(new District("Other District"));
            School school = schools.save(new School(other.getId(), "Other High", ZoneId.of("America/Denver")));
            people.save(new Person(other.getId(), school.getId(), "teacher@other.test", "Olga", "Other", Role.TEACHER));
            people.save(new Person(other.getId(), school.getId(), "admin@other.test", "Otto", "Other", Role.ADMIN));
        }
    }

    @Test
    void studentCannotApproveTheirOwnRequest() {
        String id = request("ava", "Restroom").getBody().get("id").asText();

        var answer = post("ava", "/api/passes/" + id + "/approve", Map.of());

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(state(id)).isEqualTo("PENDING");
    }

    @Test
    void teacherCannotApproveRequestRoutedToSomeoneElse() {
        String id = request("ava", "Restroom").getBody().get("id").asText();

        var answer = post("chen", "/api/passes/" + id + "/approve", Map.of());

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(answer.getBody().get("detail").asText())
            .isEqualTo("This request was sent to Ms Rivera; only they can approve it.");
        assertThat(state(id)).isEqualTo("PENDING");
    }

    @Test
    void passOfAnotherDistrictDoesNotExistForItsAdministrator() {
        String id = request("ava", "Restroom").getBody().get("id").asText();

        var answer = http.withBasicAuth("admin@other.test", "demo").getForEntity("/api/passes/" + id, JsonNode.class);

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void schoolOfAnotherDistrictDoesNotExist() {
        var answer = http.withBasicAuth("teacher@other.test", "demo")
            .getForEntity("/api/schools/" + schoolId() + "/destinations", JsonNode.class);

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void secondDecisionOnARequestIsAConflict() {
        String id = request("ava", "Restroom").getBody().get("id").asText();
        post("rivera", "/api/passes/" + id + "/approve", Map.of());

        var answer = post("rivera", "/api/passes/" + id + "/deny", Map.of("reason", "changed my mind"));

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(state(id)).isEqualTo("ACTIVE");
    }

    @Test
    void approvalWaitsWhenAFlagAppearedSinceTheTeacherLooked() {
        String id = request("eli", "Restroom").getBody().get("id").asText();
        out("cara", "Restroom");
        out("dan", "Restroom");

        var answer = post("rivera", "/api/passes/" + id + "/approve", Map.of("acknowledgedFlags", List.of()));

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(answer.getBody().get("flags").findValuesAsText("code")).containsExactly("DESTINATION_FULL");
        assertThat(state(id)).isEqualTo("PENDING");
    }

    @Test
    void approvalGoesThroughOnceTheNewFlagIsAcknowledged() {
        String id = request("eli", "Restroom").getBody().get("id").asText();
        out("cara", "Restroom");
        out("dan", "Restroom");

        var answer = post("rivera", "/api/passes/" + id + "/approve",
                Map.of("acknowledgedFlags", List.of("DESTINATION_FULL")));

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(state(id)).isEqualTo("ACTIVE");
    }

    @Test
    void deniedStudentReadsTheReason() {
        String id = request("ava", "Restroom").getBody().get("id").asText();

        post("rivera", "/api/passes/" + id + "/deny", Map.of("reason", "Test in five minutes"));

        JsonNode pass = get("ava", "/api/passes/" + id).getBody();
        assertThat(pass.get("state").asText()).isEqualTo("DENIED");
        assertThat(pass.get("status").asText()).isEqualTo("Denied by Ms Rivera: Test in five minutes");
        assertThat(request("ava", "Nurse").getStatusCode()).isEqualTo(HttpStatus.CREATED);
    }

    @Test
    void studentCanCancelTheirPendingRequest() {
        String id = request("ava", "Restroom").getBody().get("id").asText();

        var answer = post("ava", "/api/passes/" + id + "/cancel", null);

        assertThat(answer.getBody().get("state").asText()).isEqualTo("CANCELLED");
        assertThat(ids(get("rivera", "/api/requests").getBody())).doesNotContain(id);
    }

    @Test
    void studentListsOnlyTheirOwnPasses() {
        String mine = request("ava", "Restroom").getBody().get("id").asText();
        request("cara", "Nurse");

        JsonNode list = get("ava", "/api/passes").getBody();

        assertThat(list).singleElement().satisfies(p -> assertThat(p.get("id").asText()).isEqualTo(mine));
    }

    @Test
    void studentCannotListAnotherStudentsPasses() {
        var answer = get("ava", "/api/passes?studentId=" + person("cara").getId());

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void routedTeacherCancelsTheRequestAndTheStudentIsTold() {
        String id = request("ava", "Restroom").getBody().get("id").asText();

        var answer = post("rivera", "/api/passes/" + id + "/cancel", null);

        assertThat(answer.getBody().get("state").asText()).isEqualTo("CANCELLED");
        assertThat(notificationTitles("ava", "CANCELLED")).containsExactly("Your pass to Restroom was cancelled");
    }

    @Test
    void administratorCanCancelAPendingRequest() {
        String id = request("ava", "Restroom").getBody().get("id").asText();

        var answer = post("admin", "/api/passes/" + id + "/cancel", null);

        assertThat(answer.getBody().get("state").asText()).isEqualTo("CANCELLED");
    }

    @Test
    void uninvolvedTeacherCannotCancelARequest() {
        String id = request("ava", "Restroom").getBody().get("id").asText();

        var answer = post("okafor", "/api/passes/" + id + "/cancel", null);

        // a teacher who may not read the pass is told it does not exist
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(get("ava", "/api/passes/" + id).getBody().get("state").asText()).isEqualTo("PENDING");
    }

    @Test
    void anotherStudentsPassIsAnsweredExactlyAsOneThatDoesNotExist() {
        String avas = out("ava", "Library");
        String random = java.util.UUID.randomUUID().toString();

        for (String action : List.of("", "/approve", "/deny", "/cancel", "/check-in", "/end")) {
            var theirs = action.isEmpty() ? get("ben", "/api/passes/" + avas)
                    : post("ben", "/api/passes/" + avas + action, Map.of());
            var none = action.isEmpty() ? get("ben", "/api/passes/" + random)
                    : post("ben", "/api/passes/" + random + action, Map.of());

            assertThat(theirs.getStatusCode()).as(action).isEqualTo(HttpStatus.NOT_FOUND);
            assertThat(none.getStatusCode()).as(action).isEqualTo(HttpStatus.NOT_FOUND);
            assertThat(theirs.getBody().get("detail").asText().replace(avas, "ID")).as(action)
                .isEqualTo(none.getBody().get("detail").asText().replace(random, "ID"));
            assertThat(theirs.getBody().get("type")).as(action).isEqualTo(none.getBody().get("type"));
        }
        assertThat(state(avas)).isEqualTo("ACTIVE");
    }

    @Test
    void teacherOpeningTheRequestMarksItSeenForTheStudent() {
        String id = request("ava", "Restroom").getBody().get("id").asText();
        get("rivera", "/api/requests");

        get("rivera", "/api/passes/" + id);

        JsonNode pass = get("ava", "/api/passes/" + id).getBody();
        assertThat(pass.get("deliveredAt").isNull()).isFalse();
        assertThat(pass.get("seenAt").isNull()).isFalse();
        assertThat(pass.get("status").asText())
            .matches("Sent to Ms Rivera, Room 204 — delivered \\d{1,2}:\\d{2} — seen \\d{1,2}:\\d{2}");
    }

    @Test
    void checkInOfAPendingRequestIsAConflict() {
        String id = request("ava", "Library").getBody().get("id").asText();

        var answer = post("okafor", "/api/passes/" + id + "/check-in", null);

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    }

    @Test
    void destinationTeacherChecksTheStudentIn() {
        String id = out("ava", "Library");

        var answer = post("okafor", "/api/passes/" + id + "/check-in", null);

        assertThat(answer.getBody().get("state").asText()).isEqualTo("COMPLETED");
    }

    private String state(String id) {
        return get("rivera", "/api/passes/" + id).getBody().get("state").asText();
    }

    private static List<String> ids(JsonNode passes) {
        return passes.findValuesAsText("id");
    }

}
