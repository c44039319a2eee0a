package org.corridor.kiosk;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;

import com.fasterxml.jackson.databind.JsonNode;

import org.corridor.location.Location;
import org.corridor.school.District;
import org.corridor.school.DistrictRepository;
import org.corridor.school.School;
import org.corridor.school.SchoolRepository;
import org.corridor.testing.ApiTest;
import org.corridor.testing.OnMariaDb;

/** Administrators issue kiosk tokens for rooms; a kiosk signs in with its token alone. */
@OnMariaDb
class KioskApiTest extends ApiTest {

    @Autowired
    DistrictRepository districts;

    @Autowired
    SchoolRepository schools;

    @Test
    void adminIssuesKioskTokenForRoom() {
        var issued = post("admin", "/api/admin/kiosks", Map.of("roomId", room("Room 204"), "name", "Room 204 door"));
        String token = issued.getBody().get("token").asText();

        var me = asKiosk(token, HttpMethod.GET, "/api/me", null);

        assertThat(issued.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(me.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(me.getBody().get("kiosk").get("id").asText()).isEqualTo(issued.getBody().get("id").asText());
        assertThat(me.getBody().get("kiosk").get("room").get("name").asText()).isEqualTo("Room 204");
        assertThat(me.getBody().get("roles").toString()).isEqualTo("[\"KIOSK\"]");
        assertThat(me.getBody().get("schoolId").asText()).isEqualTo(schoolId());
    }

    @Test
    void tokenIsStoredOnlyAsHash() throws Exception {
        String token = kioskToken("Room 204");
        String sha256 = HexFormat.of()
            .formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));

        var stored = jdbc.queryForList("select * from kiosk");

        assertThat(stored).singleElement().satisfies(row -> {
            assertThat(row.get("token_hash")).isEqualTo(sha256);
            assertThat(row.values()).noneMatch(value -> value != null && value.toString().contains(token));
        });
    }

    @Test
    void kioskListNeverShowsTokens() {
        kioskToken("Room 204");

        var list = get("admin", "/api/admin/kiosks");

        assertThat(list.getBody()).singleElement().satisfies(kiosk -> {
            assertThat(kiosk.has("token")).isFalse();
            assertThat(kiosk.get("room").get("name").asText()).isEqualTo("Room 204");
        });
    }

    @Test
    void teacherCannotIssueKiosk() {
        var answer = post("rivera", "/api/admin/kiosks", Map.of("roomId", room("Room 204"), "name", "Rivera's kiosk"));

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void roomOfAnotherDistrictIsRefusedAndNothingStored() {
        District other = districts.save(new District("Other District"));
        School otherSchool = schools.save(new School(other.getId(), "Other High", ZoneId.of("America/Chicago")));
        Location otherRoom = locations.save(Location.room(otherSchool.getId(), "Room 1"));
        try {
            var answer = post("admin", "/api/admin/kiosks", Map.of("roomId", otherRoom.getId(), "name", "Sneaky"));

            assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(answer.getBody().get("errors").get(0).get("field").asText()).isEqualTo("roomId");
            assertThat(jdbc.queryForObject("select count(*) from kiosk", Integer.class)).isZero();
        }
        finally {
            locations.delete(otherRoom);
            schools.delete(otherSchool);
            districts.delete(other);
        }
    }

    @Test
    void unknownTokenIs401Problem() {
        var answer = asKiosk("not-a-kiosk-token", HttpMethod.GET, "/api/me", null);

        assertKioskNotRecognised(answer.getStatusCode(), answer.getBody());
    }

    @Test
    void revokedTokenIs401Problem() {
        var issued = post("admin", "/api/admin/kiosks", Map.of("roomId", room("Room 204"), "name", "Room 204 door"));
        var revoked = call("admin", HttpMethod.DELETE, "/api/admin/kiosks/" + issued.getBody().get("id").asText(), null,
                Map.of());

        var answer = asKiosk(issued.getBody().get("token").asText(), HttpMethod.GET, "/api/me", null);

        assertThat(revoked.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertKioskNotRecognised(answer.getStatusCode(), answer.getBody());
    }

    @Test
    void unknownKioskIsNotFound() {
        var answer = call("admin", HttpMethod.DELETE, "/api/admin/kiosks/00000000-0000-0000-0000-000000000000", null,
                Map.of());

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void kioskCannotCallAdminApi() {
        String token = kioskToken("Room 204");

        var answer = asKiosk(token, HttpMethod.GET, "/api/admin/kiosks", null);

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void kioskTokenTogetherWithAnotherCredentialIsRefused() {
        String token = kioskToken("Room 204");

        var answer = call("rivera", HttpMethod.GET, "/api/me", null, Map.of("X-Kiosk-Token", token));

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    }

    @Test
    void kioskRequestOpensNoSession() {
        String token = kioskToken("Room 204");

        var answer = asKiosk(token, HttpMethod.GET, "/api/me", null);

        assertThat(answer.getHeaders().getOrEmpty(HttpHeaders.SET_COOKIE)).noneMatch(c -> c.startsWith("JSESSIONID"));
    }

    @Test
    void kioskUseIsNoted() {
        String token = kioskToken("Room 204");

        asKiosk(token, HttpMethod.GET, "/api/me", null);

        assertThat(get("admin", "/api/admin/kiosks").getBody().get(0).get("lastUsedAt").isNull()).isFalse();
    }

    @Test
    void kioskUseIsNotedAtMostOncePerMinute() {
        String token = kioskToken("Room 204");
        // stored times are UTC; LocalDateTime goes through JDBC without a time-zone shift
        LocalDateTime thirtySecondsAgo = LocalDateTime.now(ZoneOffset.UTC)
            .minusSeconds(30)
            .truncatedTo(ChronoUnit.MILLIS);
        jdbc.update("update kiosk set last_used_at = ?", thirtySecondsAgo);

        asKiosk(token, HttpMethod.GET, "/api/me", null);

        assertThat(jdbc.queryForObject("select last_used_at from kiosk", LocalDateTime.class))
            .isEqualTo(thirtySecondsAgo);
    }

    private static void assertKioskNotRecognised(org.springframework.http.HttpStatusCode status, JsonNode body) {
        assertThat(status).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(body.get("type").asText()).isEqualTo("https://corridor.org/problems/kiosk-token");
        assertThat(body.get("title").asText()).isEqualTo("Kiosk not recognised");
    }

}
