package org.corridor.routing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

import com.fasterxml.jackson.databind.JsonNode;

import org.corridor.testing.ApiTest;
import org.corridor.testing.OnMariaDb;

/**
 * The diagnosis's queries (standings, names, the student's passes) on the production
 * database.
 */
@OnMariaDb
class RoutingDiagnosticsOnMariaDbTest extends ApiTest {

    @Test
    void aRequestIsRoutedToTheMainTeacherAndTheRecentOneIsListedWithWhereItWent() {
        String passId = request("ava", "Restroom").getBody().get("id").asText();

        var answer = get("admin", "/api/admin/routing?studentNumber=1001&teacherId=" + person("rivera").getId());

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode body = answer.getBody();
        assertThat(body.get("verdict").asText()).isEqualTo("ROUTED");
        assertThat(body.get("teacher").get("wouldReceive").asBoolean()).isTrue();
        assertThat(body.get("recentRequests").get(0).get("passId").asText()).isEqualTo(passId);
        assertThat(body.get("recentRequests").get(0).get("routedTo").get("name").asText()).isEqualTo("Ms Rivera");
        assertThat(body.get("recentRequests").get(0).get("wentToTeacher").asBoolean()).isTrue();
    }

}
