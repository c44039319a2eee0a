package org.corridor.push;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import org.corridor.testing.ApiTest;
import org.corridor.testing.OnMariaDb;

/**
 * Turning notifications on for a device over HTTP: the key, the subscription and its
 * checks, my devices, and a browser's report that it showed a request.
 */
@OnMariaDb
class PushApiTest extends ApiTest {

    LocalPushService browser;

    @BeforeEach
    void newBrowser() throws Exception {
        browser = new LocalPushService();
        jdbc.update("delete from push_subscription");
    }

    @AfterEach
    void closeBrowser() {
        browser.close();
        jdbc.update("delete from push_subscription");
    }

    private Map<String, Object> subscription(String endpoint) {
        return Map.of("endpoint", endpoint, "keys", Map.of("p256dh", browser.p256dh(), "auth", browser.authSecret()),
                "label", "Chrome on Linux");
    }

    private ResponseEntity<JsonNode> subscribe(String who, Map<String, Object> body) {
        return post(who, "/api/push/subscriptions", body);
    }

    @Test
    void keyIsTheDemosPublicKeyAsBase64url() {
        ResponseEntity<JsonNode> answer = get("rivera", "/api/push/key");

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(answer.getBody().get("publicKey").asText()).matches("[A-Za-z0-9_-]{87}");
    }

    @Test
    void teacherTurnsOnADeviceAndSeesItListed() {
        ResponseEntity<JsonNode> answer = subscribe("rivera", subscription("https://push.example.org/send/abc"));

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        JsonNode listed = get("rivera", "/api/push/subscriptions").getBody();
        assertThat(listed).singleElement().satisfies(device -> {
            assertThat(device.get("id").asText()).isEqualTo(answer.getBody().get("id").asText());
            assertThat(device.get("label").asText()).isEqualTo("Chrome on Linux");
            assertThat(device.get("service").asText()).isEqualTo("push.example.org");
        });
    }

    @Test
    void sameBrowserSubscribingAgainKeepsOneDevice() {
        subscribe("rivera", subscription("https://push.example.org/send/abc"));
        subscribe("rivera", subscription("https://push.example.org/send/abc"));

        assertThat(get("rivera", "/api/push/subscriptions").getBody()).hasSize(1);
    }

    @Test
    void devicesAreEachPersonsOwn() {
        subscribe("rivera", subscription("https://push.example.org/send/rivera"));

        assertThat(get("chen", "/api/push/subscriptions").getBody()).isEmpty();
    }

    @Test
    void plainHttpEndpointIsRefusedNamingTheField() {
        ResponseEntity<JsonNode> answer = subscribe("rivera", subscription("http://push.example.org/send/abc"));

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(answer.getBody().get("errors").findValuesAsText("field")).containsExactly("endpoint");
    }

    @Test
    void keyOfTheWrongLengthIsRefusedNamingTheField() {
        ResponseEntity<JsonNode> answer = subscribe("rivera", Map.of("endpoint", "https://push.example.org/send/abc",
                "keys", Map.of("p256dh", "BAAA", "auth", browser.authSecret())));

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(answer.getBody().get("errors").findValuesAsText("field")).containsExactly("keys.p256dh");
    }

    @Test
    void keyThatIsNoPointOfTheCurveIsRefusedNamingTheField() {
        byte[] offTheCurve = new byte[65];
        offTheCurve[0] = 4;
        offTheCurve[64] = 1;
        ResponseEntity<JsonNode> answer = subscribe("rivera", Map.of("endpoint", "https://push.example.org/send/abc",
                "keys", Map.of("p256dh", LocalPushService.base64url(offTheCurve), "auth", browser.authSecret())));

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(answer.getBody().get("errors").findValuesAsText("field")).containsExactly("keys.p256dh");
    }

    @Test
    void authThatIsNotBase64urlIsRefusedNamingTheField() {
        ResponseEntity<JsonNode> answer = subscribe("rivera", Map.of("endpoint", "https://push.example.org/send/abc",
                "keys", Map.of("p256dh", browser.p256dh(), "auth", "not base64!")));

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(answer.getBody().get("errors").findValuesAsText("field")).containsExactly("keys.auth");
    }

    @Test
    void studentsReceiveNoBrowserNotifications() {
        ResponseEntity<JsonNode> answer = subscribe("ava", subscription("https://push.example.org/send/ava"));

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void removingMyDeviceTakesItOffTheList() {
        String id = subscribe("rivera", subscription("https://push.example.org/send/abc")).getBody().get("id").asText();

        ResponseEntity<JsonNode> answer = call("rivera", HttpMethod.DELETE, "/api/push/subscriptions/" + id, null,
                Map.of());

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(get("rivera", "/api/push/subscriptions").getBody()).isEmpty();
    }

    @Test
    void anothersDeviceAnswersAsAMissingOne() {
        String id = subscribe("rivera", subscription("https://push.example.org/send/abc")).getBody().get("id").asText();

        ResponseEntity<JsonNode> answer = call("chen", HttpMethod.DELETE, "/api/push/subscriptions/" + id, null,
                Map.of());

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(get("rivera", "/api/push/subscriptions").getBody()).hasSize(1);
    }

    @Test
    void browserShowingARequestIsItsDeliveryToTheTeacher() {
        String passId = request("ava", "Restroom").getBody().get("id").asText();
        String notificationId = requestNotificationOf(passId);

        ResponseEntity<JsonNode> answer = post("rivera", "/api/notifications/" + notificationId + "/delivered", null);

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(get("ava", "/api/passes/" + passId).getBody().get("deliveredAt").isNull()).isFalse();
    }

    @Test
    void browsersReportIsOnTheAuditorsTimelineAsAPushThatReachedTheDevice() {
        String passId = request("ava", "Restroom").getBody().get("id").asText();
        String notificationId = requestNotificationOf(passId);

        post("rivera", "/api/notifications/" + notificationId + "/delivered", null);

        JsonNode deliveries = get("auditor", "/api/audit/passes/" + passId).getBody().get("deliveries");
        JsonNode request = deliveries.get(0);
        assertThat(request.get("kind").asText()).isEqualTo("REQUEST");
        assertThat(request.get("recipient").get("name").asText()).contains("Rivera");
        assertThat(request.get("attempts")).singleElement().satisfies(attempt -> {
            assertThat(attempt.get("channel").asText()).isEqualTo("PUSH");
            assertThat(attempt.get("accepted").asBoolean()).isTrue();
            assertThat(attempt.get("detail").asText()).isEqualTo("shown by the browser");
        });
    }

    @Test
    void routingDiagnosticsListEachRequestsChannels() {
        String passId = request("ava", "Restroom").getBody().get("id").asText();
        post("rivera", "/api/notifications/" + requestNotificationOf(passId) + "/delivered", null);

        JsonNode recent = get("admin", "/api/admin/routing?studentId=" + person("ava").getId()).getBody()
            .get("recentRequests")
            .get(0);

        assertThat(recent.get("passId").asText()).isEqualTo(passId);
        assertThat(recent.get("deliveries")).singleElement()
            .satisfies(d -> assertThat(d.get("attempts").findValuesAsText("channel")).containsExactly("PUSH"));
    }

    @Test
    void anothersNotificationCannotBeReportedShown() {
        String passId = request("ava", "Restroom").getBody().get("id").asText();

        ResponseEntity<JsonNode> answer = post("chen",
                "/api/notifications/" + requestNotificationOf(passId) + "/delivered", null);

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    private String requestNotificationOf(String passId) {
        return jdbc.queryForObject("select id from notification where pass_id = ? and kind = 'REQUEST'", String.class,
                passId);
    }

}
