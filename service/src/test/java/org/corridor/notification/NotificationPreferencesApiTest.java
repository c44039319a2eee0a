package org.corridor.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

import com.fasterxml.jackson.databind.JsonNode;

import org.corridor.testing.ApiTest;
import org.corridor.testing.OnMariaDb;

/**
 * A person's own email choices per kind: GET and PUT /api/me/notification-preferences.
 */
@OnMariaDb
class NotificationPreferencesApiTest extends ApiTest {

    private static final String PATH = "/api/me/notification-preferences";

    @BeforeEach
    void noChoicesYet() {
        jdbc.update("delete from notification_preference");
    }

    @Test
    void everyEmailedKindIsOnUntilThePersonTurnsItOff() {
        JsonNode answer = get("rivera", PATH).getBody();

        assertThat(choices(answer)).containsExactly("REQUEST_ESCALATED true", "ENDED_BY_SYSTEM true", "EMERGENCY true");
        assertThat(answer.get("address").asText()).isEqualTo("rivera@corridor.test");
    }

    @Test
    void aChangeHoldsAndTheKindsLeftOutKeepTheirChoice() {
        put("rivera", PATH, Map.of("preferences", List.of(Map.of("kind", "EMERGENCY", "email", false))));

        var answer = put("rivera", PATH,
                Map.of("preferences", List.of(Map.of("kind", "ENDED_BY_SYSTEM", "email", false))));

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(choices(get("rivera", PATH).getBody())).containsExactly("REQUEST_ESCALATED true",
                "ENDED_BY_SYSTEM false", "EMERGENCY false");
    }

    @Test
    void choicesAreEachPersonsOwn() {
        put("rivera", PATH, Map.of("preferences", List.of(Map.of("kind", "EMERGENCY", "email", false))));

        assertThat(choices(get("chen", PATH).getBody())).contains("EMERGENCY true");
    }

    @Test
    void unknownKindIsRefusedNamingItAndNothingChanges() {
        var answer = put("rivera", PATH, Map.of("preferences",
                List.of(Map.of("kind", "EMERGENCY", "email", false), Map.of("kind", "REQUEST", "email", false))));

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(answer.getBody().get("type").asText()).endsWith("/invalid-input");
        JsonNode error = answer.getBody().get("errors").get(0);
        assertThat(error.get("field").asText()).isEqualTo("preferences[1].kind");
        assertThat(error.get("message").asText()).contains("got 'REQUEST'");
        assertThat(choices(get("rivera", PATH).getBody())).contains("EMERGENCY true");
    }

    @Test
    void choiceWithoutEmailIsRefusedNamingTheField() {
        var answer = put("rivera", PATH, Map.of("preferences", List.of(Map.of("kind", "EMERGENCY"))));

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(answer.getBody().get("errors").get(0).get("field").asText()).isEqualTo("preferences[0].email");
    }

    @Test
    void studentHasNoEmailPreferences() {
        assertThat(get("ava", PATH).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    private static List<String> choices(JsonNode answer) {
        List<String> choices = new ArrayList<>();
        answer.get("preferences").forEach(p -> choices.add(p.get("kind").asText() + " " + p.get("email").asBoolean()));
        return choices;
    }

}
