package org.corridor.pass;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;

import com.fasterxml.jackson.databind.JsonNode;

import org.corridor.testing.ApiTest;
import org.corridor.testing.OnMariaDb;

/**
 * An administrator covering a class acts through the teacher's screens; the record keeps
 * both names.
 */
@OnMariaDb
class ImpersonatedDecisionTest extends ApiTest {

    @Test
    void approvalByAnAdministratorActingAsTheTeacherRecordsBothIdentities() {
        String id = request("ava", "Restroom").getBody().get("id").asText();

        call("admin", HttpMethod.POST, "/api/passes/" + id + "/approve", Map.of(), asRivera());

        JsonNode events = get("auditor", "/api/audit/passes/" + id).getBody().get("events");
        JsonNode approved = events.get(events.size() - 1);
        assertThat(approved.get("kind").asText()).isEqualTo("APPROVED");
        assertThat(approved.get("actor").get("name").asText()).isEqualTo("Alex Admin");
        assertThat(approved.get("onBehalfOf").get("name").asText()).isEqualTo("Ms Rivera");
    }

    @Test
    void administratorLookingThroughTheTeachersScreensDoesNotMarkTheRequestSeen() {
        String id = request("ava", "Restroom").getBody().get("id").asText();

        call("admin", HttpMethod.GET, "/api/requests", null, asRivera());
        call("admin", HttpMethod.GET, "/api/passes/" + id, null, asRivera());

        JsonNode pass = pass("ava", id);
        assertThat(pass.get("deliveredAt").isNull()).isTrue();
        assertThat(pass.get("seenAt").isNull()).isTrue();
    }

    @Test
    void administratorActingAsTheTeacherReceivesNoneOfTheTeachersNotifications() {
        request("ava", "Restroom");

        JsonNode mine = call("admin", HttpMethod.GET, "/api/notifications", null, asRivera()).getBody();

        assertThat(mine.get("notifications").findValuesAsText("kind")).doesNotContain("REQUEST");
        assertThat(notificationTitles("rivera", "REQUEST")).hasSize(1);
    }

    private Map<String, String> asRivera() {
        return Map.of("X-Act-As", person("rivera").getId());
    }

}
