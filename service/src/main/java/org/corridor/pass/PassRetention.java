package org.corridor.pass;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Passes are student records and are not kept forever: a pass that ended longer ago than
 * the retention period is deleted with its flags and audit timeline. The engine forgets
 * its side of the same pass by the process definitions' history time-to-live (P365D) and
 * its nightly history cleanup.
 */
@Component
class PassRetention {

    private static final Logger log = LoggerFactory.getLogger(PassRetention.class);

    private final JdbcTemplate jdbc;

    private final Clock clock;

    private final Duration keep;

    PassRetention(JdbcTemplate jdbc, Clock clock, @Value("${corridor.retention.pass-days:365}") int days) {
        if (days < 1) {
            throw new IllegalStateException("corridor.retention.pass-days must be at least 1, not " + days);
        }
        this.jdbc = jdbc;
        this.clock = clock;
        this.keep = Duration.ofDays(days);
    }

    /** Daily at 02:15, inside the engine's history cleanup window. */
    @Scheduled(cron = "${corridor.retention.pass-cron:0 15 2 * * *}")
    @Transactional
    public int deleteExpired() {
        Instant before = clock.instant().minus(keep);
        String ended = "select id from hall_pass where ended_at < ?";
        jdbc.update("delete from pass_event where pass_id in (" + ended + ")", before);
        jdbc.update("delete from pass_flag where pass_id in (" + ended + ")", before);
        int passes = jdbc.update("delete from hall_pass where ended_at < ?", before);
        if (passes > 0) {
            log.info("Retention: deleted {} passes that ended before {}", passes, before);
        }
        return passes;
    }

}
