package org.corridor.retention;

import java.time.Clock;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The purge, nightly at 02:15 server time: inside the engine's history cleanup window
 * (01:00 to 05:00), which then removes the process histories the purge has timed.
 */
@Component
class NightlyPurge {

    static final String CRON = "0 15 2 * * *";

    private final RetentionPurge purge;

    private final Clock clock;

    NightlyPurge(RetentionPurge purge, Clock clock) {
        this.purge = purge;
        this.clock = clock;
    }

    @Scheduled(cron = "${corridor.retention.cron:" + CRON + "}")
    void run() {
        purge.purge(clock.instant());
    }

}
