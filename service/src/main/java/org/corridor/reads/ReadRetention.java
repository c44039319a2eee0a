package org.corridor.reads;

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
 * The record of reads names students, so it is history with a retention period like the
 * passes it tells about: a read older than the passes' retention period is deleted,
 * nightly, beside them.
 */
@Component
class ReadRetention {

    private static final Logger log = LoggerFactory.getLogger(ReadRetention.class);

    private final JdbcTemplate jdbc;

    private final Clock clock;

    private final Duration keep;

    ReadRetention(JdbcTemplate jdbc, Clock clock, @Value("${corridor.retention.pass-days:365}") int days) {
        if (days < 1) {
            throw new IllegalStateException("corridor.retention.pass-days must be at least 1, not " + days);
        }
        this.jdbc = jdbc;
        this.clock = clock;
        this.keep = Duration.ofDays(days);
    }

    /** Daily at 02:20, after the passes themselves. */
    @Scheduled(cron = "${corridor.retention.read-cron:0 20 2 * * *}")
    @Transactional
    public int deleteExpired() {
        Instant before = clock.instant().minus(keep);
        int reads = jdbc.update("delete from pass_read where read_at < ?", java.sql.Timestamp.from(before));
        if (reads > 0) {
            log.info("Retention: deleted {} read records older than {}", reads, before);
        }
        return reads;
    }

}
