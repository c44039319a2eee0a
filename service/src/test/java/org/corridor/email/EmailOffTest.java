package org.corridor.email;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import org.corridor.testing.ApiTest;

/** Without an SMTP host Corridor sends no email, queues none, and says so. */
class EmailOffTest extends ApiTest {

    @Autowired
    EmailOutbox outbox;

    @Test
    void withoutAHostNothingIsQueuedOrRecorded() throws InterruptedException {
        String passId = request("ava", "Restroom").getBody().get("id").asText();

        fireTimer(passId, "Boundary_EscalateUnseen");

        assertThat(outbox.isOn()).isFalse();
        assertThat(outbox.awaitIdle(Duration.ZERO)).isTrue();
        assertThat(notificationTitles("admin", "REQUEST_ESCALATED")).hasSize(1);
        assertThat(jdbc.queryForObject("select count(*) from notification_channel", Integer.class)).isZero();
    }

    @Test
    void preferencesSayThatThisCorridorSendsNoEmail() {
        var answer = get("rivera", "/api/me/notification-preferences");

        assertThat(answer.getBody().get("emailConfigured").asBoolean()).isFalse();
        assertThat(Map.of("address", answer.getBody().get("address").asText())).containsEntry("address",
                "rivera@corridor.test");
    }

}
