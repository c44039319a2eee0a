package org.corridor.pass;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import org.corridor.testing.ApiTest;
import org.corridor.testing.OnMariaDb;

@OnMariaDb
class PassRetentionTest extends ApiTest {

    @Autowired
    PassRetention retention;

    @Test
    void passEndedLongerAgoThanTheRetentionPeriodIsDeletedWithItsTimeline() {
        String old = out("ava", "Restroom");
        post("ava", "/api/passes/" + old + "/end", null);
        String recent = out("ben", "Restroom");
        post("ben", "/api/passes/" + recent + "/end", null);
        // Ending a pass 400 days ago through the API would need a clock for the whole
        // service.
        jdbc.update("update hall_pass set ended_at = ? where id = ?",
                java.sql.Timestamp.from(java.time.Instant.now().minus(java.time.Duration.ofDays(400))), old);

        int deleted = retention.deleteExpired();

        assertThat(deleted).isEqualTo(1);
        assertThat(jdbc.queryForList("select id from hall_pass", String.class)).containsExactly(recent);
        assertThat(jdbc.queryForObject("select count(*) from pass_event where pass_id = ?", Integer.class, old))
            .isZero();
    }

    @Test
    void openPassIsNeverDeleted() {
        out("ava", "Restroom");

        assertThat(retention.deleteExpired()).isZero();
        assertThat(passCount()).isEqualTo(1);
    }

}
