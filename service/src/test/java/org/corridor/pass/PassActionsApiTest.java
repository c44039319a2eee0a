package org.corridor.pass;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;

import com.fasterxml.jackson.databind.JsonNode;

import org.corridor.testing.ApiTest;
import org.corridor.testing.OnMariaDb;

/**
 * A pass answers, for the caller, the calls that would be accepted now ({@code actions}),
 * so the screens keep no list of states and roles of their own; every action offered is
 * accepted, and a call not offered is refused.
 */
@OnMariaDb
class PassActionsApiTest extends ApiTest {

    private List<String> actions(String who, String passId) {
        return actionsIn(pass(who, passId));
    }

    private static List<String> actionsIn(JsonNode pass) {
        List<String> actions = new ArrayList<>();
        pass.get("actions").forEach(a -> actions.add(a.asText()));
        return actions;
    }

    @Test
    void pendingRequestIsTheStudentsToCancelAndTheTeachersToDecide() {
        String id = request("ava", "Restroom").getBody().get("id").asText();

        assertThat(actions("ava", id)).containsExactly("cancel");
        assertThat(actions("rivera", id)).containsExactly("approve", "deny", "cancel");
        assertThat(actions("admin", id)).containsExactly("cancel");
        assertThat(actions("auditor", id)).isEmpty();
    }

    @Test
    void escalatedRequestCanBeDecidedByTheAdministrator() {
        String id = request("ava", "Restroom").getBody().get("id").asText();

        fireTimer(id, "Boundary_EscalateUnseen");

        assertThat(actions("admin", id)).containsExactly("approve", "deny", "cancel");
    }

    @Test
    void studentOutCanEndTheirPassAndTheClassTeacherChecksInAtAnUnstaffedDestination() {
        String id = out("ava", "Restroom");

        assertThat(actions("ava", id)).containsExactly("end");
        assertThat(actions("rivera", id)).containsExactly("check-in", "end");
        assertThat(actions("auditor", id)).isEmpty();
    }

    @Test
    void onlyTheDestinationsTeacherChecksInAtAStaffedDestination() {
        String id = out("ava", "Library");

        assertThat(actions("okafor", id)).containsExactly("check-in", "end");
        assertThat(actions("rivera", id)).containsExactly("end");
    }

    @Test
    void kioskInTheClassroomMayEndThePass() {
        String id = out("ava", "Restroom");
        String token = kioskToken("Room 204");

        JsonNode pass = asKiosk(token, HttpMethod.GET, "/api/passes/" + id, null).getBody();

        assertThat(actionsIn(pass)).containsExactly("check-in", "end");
    }

    @Test
    void answerToAnActionCarriesTheNextActions() {
        String id = request("ava", "Restroom").getBody().get("id").asText();

        JsonNode approved = post("rivera", "/api/passes/" + id + "/approve", Map.of()).getBody();

        assertThat(actionsIn(approved)).containsExactly("check-in", "end");
    }

    @Test
    void finishedPassOffersNothing() {
        String id = out("ava", "Restroom");
        post("ava", "/api/passes/" + id + "/end", null);

        assertThat(actions("ava", id)).isEmpty();
        assertThat(actions("rivera", id)).isEmpty();
        assertThat(actions("admin", id)).isEmpty();
    }

    @Test
    void everyActionOfferedIsAccepted() {
        // one student per call: a student has one open pass at a time
        Map<String, String> students = Map.of("approve", "ava", "deny", "ben", "cancel", "cara", "check-in", "dan",
                "end", "eli");
        for (String action : List.of("approve", "deny", "cancel")) {
            String id = request(students.get(action), "Nurse").getBody().get("id").asText();
            assertThat(actions("rivera", id)).contains(action);

            var answer = post("rivera", "/api/passes/" + id + "/" + action, Map.of());

            assertThat(answer.getStatusCode()).as(action).isEqualTo(HttpStatus.OK);
        }
        for (String action : List.of("check-in", "end")) {
            String id = out(students.get(action), "Nurse");
            assertThat(actions("rivera", id)).contains(action);

            var answer = post("rivera", "/api/passes/" + id + "/" + action, null);

            assertThat(answer.getStatusCode()).as(action).isEqualTo(HttpStatus.OK);
        }
    }

    @Test
    void actionNotOfferedIsRefused() {
        String pending = request("ava", "Restroom").getBody().get("id").asText();
        assertThat(actions("ava", pending)).doesNotContain("approve");
        assertThat(post("ava", "/api/passes/" + pending + "/approve", Map.of()).getStatusCode())
            .isEqualTo(HttpStatus.FORBIDDEN);

        post("ava", "/api/passes/" + pending + "/cancel", null);
        String library = out("ava", "Library");
        assertThat(actions("rivera", library)).doesNotContain("check-in");
        assertThat(post("rivera", "/api/passes/" + library + "/check-in", null).getStatusCode())
            .isEqualTo(HttpStatus.FORBIDDEN);
    }

}
