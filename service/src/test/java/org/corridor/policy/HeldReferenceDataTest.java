package org.corridor.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.corridor.pass.PassRepository;
import org.corridor.school.SchoolsHeld;
import org.corridor.testing.ApiTest;

/**
 * A school's settings and its destinations are held in memory, and forgotten when an
 * administrator changes them: the very next request on the same instance sees the change,
 * not the minute-old copy.
 */
class HeldReferenceDataTest extends ApiTest {

    @Autowired
    PolicyEvaluation policy;

    @Autowired
    PassRepository passes;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    SchoolsHeld schools;

    @Autowired
    ObjectMapper json;

    @Test
    void destinationClosedThroughTheApiIsClosedForTheVeryNextEvaluation() throws Exception {
        String restroom = "/api/admin/schools/" + schoolId() + "/locations/" + destination("Restroom");
        String request = request("ava", "Restroom").getBody().get("id").asText();
        assertThat(evaluatedDestination(request).get("open").asBoolean()).as("open, and held").isTrue();
        try {
            assertThat(put("admin", restroom, Map.of("open", false)).getStatusCode().value()).isEqualTo(200);

            assertThat(evaluatedDestination(request).get("open").asBoolean()).isFalse();
        }
        finally {
            put("admin", restroom, Map.of("open", true));
        }
    }

    @Test
    void settingChangedThroughTheApiIsHeldForTheVeryNextRequest() {
        String settings = "/api/admin/schools/" + schoolId() + "/settings";
        int before = schools.of(schoolId()).settings().longRunningMinutes();
        try {
            assertThat(put("admin", settings, Map.of("longRunningMinutes", before + 5)).getStatusCode().value())
                .isEqualTo(200);

            assertThat(schools.of(schoolId()).settings().longRunningMinutes()).isEqualTo(before + 5);
        }
        finally {
            put("admin", settings, Map.of("longRunningMinutes", before));
        }
    }

    private JsonNode evaluatedDestination(String passId) throws Exception {
        String facts = transaction
            .execute(status -> policy.evaluate(passes.findById(passId).orElseThrow()).factsJson());
        return json.readTree(facts).get("destination");
    }

}
