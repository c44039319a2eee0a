package org.corridor.kiosk;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;

import com.fasterxml.jackson.databind.JsonNode;

import org.corridor.testing.ApiTest;
import org.corridor.testing.OnMariaDb;

/**
 * A device pairs once with a short one-time code, then proves itself with the credential
 * it was given; it beats every minute, and administrators see when it went quiet.
 */
@OnMariaDb
class KioskPairingApiTest extends ApiTest {

    @Test
    void pairingCodeGivesTheDeviceACredentialThatReplacesTheIssuedToken() {
        JsonNode issued = issue("Room 204");
        String code = issued.get("pairingCode").asText();

        var paired = pair(code);
        String token = paired.getBody().get("token").asText();

        assertThat(code).matches("[A-Z2-9]{4}-[A-Z2-9]{4}");
        assertThat(issued.get("pairingCodeExpiresAt").asText()).isNotBlank();
        assertThat(paired.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(paired.getBody().get("room").get("name").asText()).isEqualTo("Room 204");
        assertThat(asKiosk(token, HttpMethod.GET, "/api/me", null).getBody().get("kiosk").get("id").asText())
            .isEqualTo(issued.get("id").asText());
        assertThat(asKiosk(issued.get("token").asText(), HttpMethod.GET, "/api/me", null).getStatusCode())
            .isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void codeIsTypedWithoutDashInSmallLettersToo() {
        String code = issue("Room 204").get("pairingCode").asText();

        var paired = pair(" " + code.replace("-", "").toLowerCase() + " ");

        assertThat(paired.getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void pairingCodeWorksOnce() {
        String code = issue("Room 204").get("pairingCode").asText();
        pair(code);

        var again = pair(code);

        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(again.getBody().get("errors").findValuesAsText("field")).containsExactly("code");
        assertThat(again.getBody().has("token")).isFalse();
    }

    @Test
    void expiredPairingCodeIsRefused() {
        JsonNode issued = issue("Room 204");
        jdbc.update("update kiosk set pairing_expires_at = ? where id = ?",
                java.sql.Timestamp.from(Instant.now().minus(1, ChronoUnit.MINUTES)), issued.get("id").asText());

        var paired = pair(issued.get("pairingCode").asText());

        assertThat(paired.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(paired.getBody().get("errors").findValuesAsText("field")).containsExactly("code");
    }

    @Test
    void revokedKioskDoesNotPairNorGetANewCode() {
        JsonNode issued = issue("Room 204");
        String id = issued.get("id").asText();
        call("admin", HttpMethod.DELETE, "/api/admin/kiosks/" + id, null, Map.of());

        var paired = pair(issued.get("pairingCode").asText());
        var newCode = post("admin", "/api/admin/kiosks/" + id + "/pairing-code", null);

        assertThat(paired.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(newCode.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(newCode.getBody().get("type").asText()).endsWith("/kiosk-revoked");
    }

    @Test
    void aNewPairingCodeReplacesTheEarlierOne() {
        JsonNode issued = issue("Room 204");
        String first = issued.get("pairingCode").asText();

        var second = post("admin", "/api/admin/kiosks/" + issued.get("id").asText() + "/pairing-code", null);

        assertThat(second.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(pair(first).getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(pair(second.getBody().get("pairingCode").asText()).getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void pairingCodeIsStoredOnlyAsHash() {
        String code = issue("Room 204").get("pairingCode").asText();

        var stored = jdbc.queryForList("select * from kiosk");

        assertThat(stored).singleElement().satisfies(row -> {
            assertThat(row.get("pairing_code_hash")).isEqualTo(KioskTokens.hash(code.replace("-", "")));
            assertThat(row.values()).noneMatch(value -> value != null && value.toString().contains(code));
        });
    }

    @Test
    void emptyCodeIsAFieldError() {
        var paired = pair("");

        assertThat(paired.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(paired.getBody().get("errors").findValuesAsText("field")).containsExactly("code");
    }

    @Test
    void heartbeatShowsInTheListAndAQuietKioskIsOfflineSinceItsLastBeat() {
        JsonNode issued = issue("Room 204");
        String token = issued.get("token").asText();

        var beat = asKiosk(token, HttpMethod.POST, "/api/kiosk/heartbeat", null);
        JsonNode online = get("admin", "/api/admin/kiosks").getBody().get(0);
        Instant quietSince = Instant.now().minus(10, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS);
        jdbc.update("update kiosk set last_heartbeat_at = ? where id = ?", java.sql.Timestamp.from(quietSince),
                issued.get("id").asText());
        JsonNode quiet = get("admin", "/api/admin/kiosks").getBody().get(0);

        assertThat(beat.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(online.get("lastHeartbeatAt").isNull()).isFalse();
        assertThat(online.get("offlineSince").isNull()).isTrue();
        assertThat(Instant.parse(quiet.get("offlineSince").asText())).isEqualTo(quietSince);
    }

    @Test
    void onlyAKioskBeats() {
        var beat = post("rivera", "/api/kiosk/heartbeat", null);

        assertThat(beat.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    private JsonNode issue(String room) {
        return post("admin", "/api/admin/kiosks", Map.of("roomId", room(room), "name", room + " kiosk")).getBody();
    }

    private org.springframework.http.ResponseEntity<JsonNode> pair(String code) {
        return call(null, HttpMethod.POST, "/api/kiosk/pair", Map.of("code", code), Map.of());
    }

}
