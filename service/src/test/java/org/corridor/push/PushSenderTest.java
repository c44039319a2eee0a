package org.corridor.push;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import org.corridor.notification.ChannelRecords;
import org.corridor.notification.NotificationChannel;
import org.corridor.notification.NotificationKind;
import org.corridor.notification.Notifications;
import org.corridor.person.Person;
import org.corridor.testing.ApiTest;
import org.corridor.testing.OnMariaDb;

/**
 * The sender against a push service on this machine: what it receives is decrypted as the
 * browser would, and its VAPID header checked as a push service would.
 */
@OnMariaDb
class PushSenderTest extends ApiTest {

    private static final Duration PATIENCE = Duration.ofSeconds(20);

    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    Notifications notifications;

    @Autowired
    PushSubscriptionRepository subscriptions;

    @Autowired
    ChannelRecords channels;

    @Autowired
    PlatformTransactionManager transactions;

    LocalPushService pushService;

    @BeforeEach
    void startPushService() throws Exception {
        pushService = new LocalPushService();
        jdbc.update("delete from push_subscription");
    }

    @AfterEach
    void stopPushService() {
        pushService.close();
        jdbc.update("delete from push_subscription");
    }

    @Test
    void requestReachesTheBrowserEncryptedWithWhatThePopupShows() throws Exception {
        subscribe("rivera", "rivera-laptop");

        String id = send("rivera", NotificationKind.REQUEST, "pass-1");

        JsonNode payload = JSON.readTree(pushService.decrypt(onlyPush().body()));
        assertThat(payload.get("id").asText()).isEqualTo(id);
        assertThat(payload.get("kind").asText()).isEqualTo("REQUEST");
        assertThat(payload.get("passId").asText()).isEqualTo("pass-1");
        assertThat(payload.get("title").asText()).isEqualTo("Ava B. asks to go to the Restroom");
        assertThat(payload.get("body").asText()).isEqualTo("Leaving English 10.");
        assertThat(payload.get("url").asText()).isEqualTo("/teacher.html#requests");
        assertThat(payload.properties()).extracting(java.util.Map.Entry::getKey)
            .containsExactlyInAnyOrder("id", "kind", "passId", "title", "body", "url");
    }

    @Test
    void pushIsSignedWithTheKeyBrowsersAreGivenForTheEndpointsOrigin() throws Exception {
        subscribe("rivera", "rivera-laptop");
        String publicKey = get("rivera", "/api/push/key").getBody().get("publicKey").asText();

        send("rivera", NotificationKind.REQUEST, "pass-1");

        LocalPushService.Received push = onlyPush();
        Matcher vapid = Pattern.compile("vapid t=([^,]+), k=(\\S+)").matcher(push.header("Authorization"));
        assertThat(vapid.matches()).as(push.header("Authorization")).isTrue();
        assertThat(vapid.group(2)).isEqualTo(publicKey);
        String[] jwt = vapid.group(1).split("\\.");
        JsonNode header = JSON.readTree(Base64.getUrlDecoder().decode(jwt[0]));
        JsonNode claims = JSON.readTree(Base64.getUrlDecoder().decode(jwt[1]));
        assertThat(header.get("alg").asText()).isEqualTo("ES256");
        assertThat(claims.get("aud").asText()).isEqualTo(pushService.origin());
        assertThat(claims.get("sub").asText()).isEqualTo(VapidKeys.DEMO_SUBJECT);
        assertThat(Instant.ofEpochSecond(claims.get("exp").asLong())).isAfter(Instant.now())
            .isBefore(Instant.now().plus(Duration.ofHours(24)));
        Signature es256 = Signature.getInstance("SHA256withECDSAinP1363Format");
        es256.initVerify(pushService.publicKey(Base64.getUrlDecoder().decode(publicKey)));
        es256.update((jwt[0] + "." + jwt[1]).getBytes(StandardCharsets.US_ASCII));
        assertThat(es256.verify(Base64.getUrlDecoder().decode(jwt[2]))).isTrue();
    }

    @Test
    void pushSaysHowItIsEncodedAndHowLongItMayWait() throws Exception {
        subscribe("rivera", "rivera-laptop");

        send("rivera", NotificationKind.REQUEST, "pass-1");

        LocalPushService.Received push = onlyPush();
        assertThat(push.header("Content-Encoding")).isEqualTo("aes128gcm");
        assertThat(push.header("TTL")).isEqualTo("900");
        assertThat(push.header("Urgency")).isEqualTo("high");
    }

    @Test
    void everyDeviceOfThePersonGetsIt() throws Exception {
        subscribe("rivera", "rivera-laptop");
        subscribe("rivera", "rivera-phone");

        send("rivera", NotificationKind.ON_THE_WAY, "pass-1");

        assertThat(eventually(() -> pushService.received.size() == 2)).isTrue();
        assertThat(pushService.received).extracting(LocalPushService.Received::path)
            .containsExactlyInAnyOrder("/push/rivera-laptop", "/push/rivera-phone");
    }

    @Test
    void acceptedPushIsRecordedAndStampsTheDevice() throws Exception {
        PushSubscription device = subscribe("rivera", "rivera-laptop");

        String id = send("rivera", NotificationKind.REQUEST, "pass-1");

        assertThat(eventually(() -> !channels.of(List.of(id)).isEmpty())).isTrue();
        assertThat(channels.of(List.of(id))).singleElement().satisfies(attempt -> {
            assertThat(attempt.channel()).isEqualTo(NotificationChannel.PUSH);
            assertThat(attempt.accepted()).isTrue();
            assertThat(attempt.detail()).isEqualTo("127.0.0.1 accepted it (201)");
        });
        assertThat(subscriptions.findById(device.getId()).orElseThrow().getLastSuccessAt()).isNotNull();
    }

    @ParameterizedTest
    @ValueSource(ints = { 404, 410 })
    void subscriptionThePushServiceCallsGoneIsRemoved(int status) throws Exception {
        PushSubscription device = subscribe("rivera", "rivera-laptop");
        pushService.status.set(status);

        String id = send("rivera", NotificationKind.REQUEST, "pass-1");

        assertThat(eventually(() -> subscriptions.findById(device.getId()).isEmpty())).isTrue();
        assertThat(eventually(() -> !channels.of(List.of(id)).isEmpty())).isTrue();
        assertThat(channels.of(List.of(id))).singleElement()
            .satisfies(attempt -> assertThat(attempt.accepted()).isFalse());
    }

    @Test
    void refusedPushIsRecordedAndTheDeviceKept() throws Exception {
        PushSubscription device = subscribe("rivera", "rivera-laptop");
        pushService.status.set(500);

        String id = send("rivera", NotificationKind.REQUEST, "pass-1");

        assertThat(eventually(() -> !channels.of(List.of(id)).isEmpty())).isTrue();
        assertThat(channels.of(List.of(id))).singleElement().satisfies(attempt -> {
            assertThat(attempt.accepted()).isFalse();
            assertThat(attempt.detail()).isEqualTo("127.0.0.1 refused it (500)");
        });
        assertThat(subscriptions.findById(device.getId())).isPresent();
    }

    @Test
    void kindsATeacherNeedNotSeeAtOnceWaitForTheScreen() throws Exception {
        subscribe("rivera", "rivera-laptop");

        String decided = send("rivera", NotificationKind.REQUEST_DECIDED, "pass-1");
        send("rivera", NotificationKind.REQUEST, "pass-2");

        // the kind is decided on the committing thread, before the second is sent
        assertThat(onlyPush()).isNotNull();
        assertThat(channels.of(List.of(decided))).isEmpty();
    }

    @Test
    void escalationOpensTheAdministratorsEscalatedRequests() throws Exception {
        subscribe("admin", "admin-desk");

        send("admin", NotificationKind.REQUEST_ESCALATED, "pass-1");

        JsonNode payload = JSON.readTree(pushService.decrypt(onlyPush().body()));
        assertThat(payload.get("url").asText()).isEqualTo("/admin-requests.html");
    }

    // --- helpers

    private PushSubscription subscribe(String who, String device) {
        Person person = person(who);
        String endpoint = pushService.endpoint(device);
        return subscriptions.save(new PushSubscription(person.getDistrictId(), person.getId(), endpoint,
                PushDevices.sha256(endpoint), pushService.p256dh(), pushService.authSecret(), device, Instant.now()));
    }

    /** Sends inside a committed transaction, as a pass step does. */
    private String send(String to, NotificationKind kind, String passId) {
        Person person = person(to);
        String title = kind == NotificationKind.REQUEST ? "Ava B. asks to go to the Restroom" : "Title " + kind;
        new TransactionTemplate(transactions).executeWithoutResult(status -> notifications.send(person.getDistrictId(),
                person.getId(), kind, passId, title, "Leaving English 10."));
        return jdbc.queryForObject(
                "select id from notification where person_id = ? order by created_at desc, id desc limit 1",
                String.class, person.getId());
    }

    private LocalPushService.Received onlyPush() throws InterruptedException {
        assertThat(eventually(() -> !pushService.received.isEmpty())).as("a push reached the push service").isTrue();
        assertThat(pushService.received).hasSize(1);
        return pushService.received.get(0);
    }

    private static boolean eventually(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return true;
            }
            Thread.sleep(50);
        }
        return condition.getAsBoolean();
    }

}
