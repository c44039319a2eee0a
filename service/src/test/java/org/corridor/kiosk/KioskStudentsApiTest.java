package org.corridor.kiosk;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;

import org.corridor.testing.ApiTest;
import org.corridor.testing.OnMariaDb;

/**
 * The student at a kiosk: by number, with a PIN where the school asks for one; shown by
 * first name and last initial only; and a kiosk that meets wrong numbers or PINs slows
 * down.
 */
@OnMariaDb
class KioskStudentsApiTest extends ApiTest {

    @AfterEach
    void noPinsAndNoPinSetting() {
        jdbc.update("delete from student_pin");
        jdbc.update("update school set kiosk_requires_pin = false");
    }

    @Test
    void kioskAnswersNameTheStudentByFirstNameAndLastInitialOnly() {
        String token = kioskToken("Room 204");

        var requested = asKiosk(token, HttpMethod.POST, "/api/passes",
                Map.of("studentNumber", "1001", "destinationId", destination("Restroom"), "type", "REGULAR"));
        var found = lookup(token, "1001", null);

        assertThat(requested.getBody().get("student").get("name").asText()).isEqualTo("Ava A.");
        assertThat(found.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(found.getBody()).singleElement()
            .satisfies(pass -> assertThat(pass.get("student").get("name").asText()).isEqualTo("Ava A."));
        assertThat(found.getBody().toString()).doesNotContain("Adams");
    }

    @Test
    void aStudentWithoutAnOpenPassIsKnownButHasNothingToShow() {
        var found = lookup(kioskToken("Room 204"), "1002", null);

        assertThat(found.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(found.getBody()).isEmpty();
    }

    @Test
    void unknownNumberSaysSoAndNothingMore() {
        var found = lookup(kioskToken("Room 204"), "9999", null);

        assertThat(found.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(found.getBody().get("errors").findValuesAsText("field")).containsExactly("studentNumber");
        assertThat(found.getBody().get("errors").get(0).get("message").asText())
            .isEqualTo("No student with number 9999 at this school.");
    }

    @Test
    void fiveWrongNumbersInAMinuteSlowTheKioskDownButNotAnother() {
        String token = kioskToken("Room 204");
        String other = kioskToken("Library");
        for (int i = 0; i < KioskSlowDown.WRONG_TRIES; i++) {
            assertThat(lookup(token, "99" + i, null).getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        }

        var slowed = lookup(token, "1001", null);
        var request = asKiosk(token, HttpMethod.POST, "/api/passes",
                Map.of("studentNumber", "1001", "destinationId", destination("Restroom"), "type", "REGULAR"));

        assertThat(slowed.getStatusCode()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
        assertThat(slowed.getBody().get("type").asText()).endsWith("/kiosk-slowed-down");
        int retryAfter = Integer.parseInt(slowed.getHeaders().getFirst(HttpHeaders.RETRY_AFTER));
        assertThat(retryAfter).isBetween(1, 60);
        assertThat(slowed.getBody().get("retryAfterSeconds").asInt()).isEqualTo(retryAfter);
        assertThat(request.getStatusCode()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
        assertThat(passCount()).isZero();
        assertThat(lookup(other, "1001", null).getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void rightNumbersDoNotSlowTheKioskDown() {
        String token = kioskToken("Room 204");
        for (int i = 0; i < 2 * KioskSlowDown.WRONG_TRIES; i++) {
            assertThat(lookup(token, "1002", null).getStatusCode()).isEqualTo(HttpStatus.OK);
        }
    }

    @Test
    void whereTheSchoolAsksAStudentNeedsTheirPin() {
        askForPins();
        setPin("ava", "4821");
        String token = kioskToken("Room 204");

        var none = lookup(token, "1001", null);
        var wrong = lookup(token, "1001", "1111");
        var right = lookup(token, "1001", "4821");
        var requested = asKiosk(token, HttpMethod.POST, "/api/passes", Map.of("studentNumber", "1001", "pin", "4821",
                "destinationId", destination("Restroom"), "type", "REGULAR"));

        assertThat(none.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(none.getBody().get("errors").findValuesAsText("field")).containsExactly("pin");
        assertThat(wrong.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(wrong.getBody().get("errors").findValuesAsText("field")).containsExactly("pin");
        assertThat(right.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(requested.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    }

    @Test
    void withPinsAnUnknownNumberAndAWrongPinGetTheSameAnswer() {
        askForPins();
        setPin("ava", "4821");
        String token = kioskToken("Room 204");

        var unknown = lookup(token, "9999", "4821");
        var wrongPin = lookup(token, "1001", "4822");
        var noPinYet = lookup(token, "1002", "4821");

        assertThat(unknown.getBody().get("errors")).isEqualTo(wrongPin.getBody().get("errors"));
        assertThat(noPinYet.getBody().get("errors")).isEqualTo(wrongPin.getBody().get("errors"));
    }

    @Test
    void wrongPinsSlowTheKioskDown() {
        askForPins();
        setPin("ava", "4821");
        String token = kioskToken("Room 204");
        for (int i = 0; i < KioskSlowDown.WRONG_TRIES; i++) {
            lookup(token, "1001", "000" + i);
        }

        assertThat(lookup(token, "1001", "4821").getStatusCode()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
    }

    @Test
    void pinIsStoredOnlyAsAPasswordHash() {
        setPin("ava", "4821");

        var stored = jdbc.queryForList("select * from student_pin");

        assertThat(stored).singleElement().satisfies(row -> {
            assertThat(row.get("student_id")).isEqualTo(person("ava").getId());
            assertThat(row.get("pin_hash").toString()).startsWith("{bcrypt}");
            assertThat(row.values()).noneMatch(value -> value != null && value.toString().contains("4821"));
        });
    }

    @Test
    void aClearedPinNoLongerOpensTheKiosk() {
        askForPins();
        setPin("ava", "4821");
        String token = kioskToken("Room 204");

        var cleared = call("admin", HttpMethod.DELETE, pinPath("ava"), null, Map.of());

        assertThat(cleared.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(lookup(token, "1001", "4821").getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(call("admin", HttpMethod.DELETE, pinPath("ava"), null, Map.of()).getStatusCode())
            .isEqualTo(HttpStatus.NO_CONTENT);
    }

    @Test
    void aPinIsFourToEightDigits() {
        var letters = put("admin", pinPath("ava"), Map.of("pin", "12a4"));
        var short_ = put("admin", pinPath("ava"), Map.of("pin", "123"));

        assertThat(letters.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(letters.getBody().get("errors").findValuesAsText("field")).containsExactly("pin");
        assertThat(short_.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(jdbc.queryForObject("select count(*) from student_pin", Integer.class)).isZero();
    }

    @Test
    void onlyStudentsHavePins() {
        var teacher = put("admin", pinPath("rivera"), Map.of("pin", "4821"));

        assertThat(teacher.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void theSettingIsAnsweredToTheKiosk() {
        String token = kioskToken("Room 204");
        boolean before = asKiosk(token, HttpMethod.GET, "/api/me", null).getBody().get("kioskRequiresPin").asBoolean();

        askForPins();

        assertThat(before).isFalse();
        assertThat(asKiosk(token, HttpMethod.GET, "/api/me", null).getBody().get("kioskRequiresPin").asBoolean())
            .isTrue();
        assertThat(get("admin", "/api/admin/schools/" + schoolId() + "/settings").getBody()
            .get("kioskRequiresPin")
            .asBoolean()).isTrue();
    }

    private void askForPins() {
        var changed = put("admin", "/api/admin/schools/" + schoolId() + "/settings", Map.of("kioskRequiresPin", true));
        assertThat(changed.getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    private void setPin(String student, String pin) {
        var set = put("admin", pinPath(student), Map.of("pin", pin));
        assertThat(set.getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    private String pinPath(String who) {
        return "/api/admin/students/" + person(who).getId() + "/kiosk-pin";
    }

    private ResponseEntity<JsonNode> lookup(String token, String number, String pin) {
        Map<String, String> headers = new HashMap<>(Map.of("X-Kiosk-Token", token));
        if (pin != null) {
            headers.put("X-Student-Pin", pin);
        }
        return call(null, HttpMethod.GET, "/api/passes?studentNumber=" + number, null, headers);
    }

}
