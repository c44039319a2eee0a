package org.corridor.request;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

import com.fasterxml.jackson.databind.JsonNode;

import org.corridor.testing.ApiTest;
import org.corridor.testing.OnH2;

/**
 * The administrator's Requests view: requests escalated unopened, which administrators
 * may approve, deny or cancel as the routed teacher may.
 */
@OnH2
class AdminRequestsApiTest extends ApiTest {

    @AfterEach
    void restoreTheEscalationTarget() {
        jdbc.update("update school set escalate_to = 'ADMINISTRATORS'");
    }

    private List<String> escalatedIds() {
        List<String> ids = new ArrayList<>();
        get("admin", "/api/admin/requests").getBody().forEach(p -> ids.add(p.get("id").asText()));
        return ids;
    }

    @Test
    void anEscalatedRequestIsListedWithWhatTheAdministratorMayDo() {
        String waiting = request("ava", "Restroom").getBody().get("id").asText();
        assertThat(escalatedIds()).isEmpty();

        fireTimer(waiting, "Boundary_EscalateUnseen");

        JsonNode listed = get("admin", "/api/admin/requests").getBody();
        assertThat(listed).hasSize(1);
        assertThat(listed.get(0).get("id").asText()).isEqualTo(waiting);
        List<String> actions = new ArrayList<>();
        listed.get(0).get("actions").forEach(a -> actions.add(a.asText()));
        assertThat(actions).contains("approve", "deny", "cancel");
        assertThat(listed.get(0).get("deliveredAt").isNull()).isTrue();
    }

    @Test
    void theAdministratorApprovesAnEscalatedRequestAndItLeavesTheList() {
        String waiting = request("ava", "Restroom").getBody().get("id").asText();
        fireTimer(waiting, "Boundary_EscalateUnseen");

        var approved = post("admin", "/api/passes/" + waiting + "/approve", Map.of());

        assertThat(approved.getStatusCode()).as("%s", approved.getBody()).isEqualTo(HttpStatus.OK);
        assertThat(approved.getBody().get("state").asText()).isEqualTo("ACTIVE");
        assertThat(escalatedIds()).isEmpty();
    }

    @Test
    void requestsEscalatedToCoTeachersAreListedTooSinceAdministratorsMayDecideThem() {
        jdbc.update("update school set escalate_to = 'CO_TEACHERS'");
        String waiting = request("ava", "Restroom").getBody().get("id").asText();
        fireTimer(waiting, "Boundary_EscalateUnseen");

        assertThat(escalatedIds()).containsExactly(waiting);
    }

    @Test
    void teachersAndAuditorsHaveNoAdministratorsRequestsView() {
        assertThat(get("rivera", "/api/admin/requests").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(get("auditor", "/api/admin/requests").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(get("ava", "/api/admin/requests").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }

}
