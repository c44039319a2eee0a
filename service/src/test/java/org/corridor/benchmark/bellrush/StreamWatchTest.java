package org.corridor.benchmark.bellrush;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;

import org.junit.jupiter.api.Test;

/**
 * The crash run's streams check: which notification that never reached a watched stream
 * is excused (settled before any screen could show it) and which is a miss.
 */
class StreamWatchTest {

    private static final Instant MADE = Instant.parse("2026-12-05T06:00:00Z");

    @Test
    void requestDecidedWithinMillisecondsOfItsMakingWasSettledBeforeShown() {
        assertThat(StreamWatch.settledBeforeShown("REQUEST", at(0), null, at(205), "APPROVED")).isTrue();
    }

    @Test
    void requestNobodySawIsAMiss() {
        assertThat(StreamWatch.settledBeforeShown("REQUEST", at(0), null, null, "PENDING")).isFalse();
    }

    @Test
    void requestSeenAfterTheRepairCouldHavePushedItIsAMiss() {
        assertThat(StreamWatch.settledBeforeShown("REQUEST", at(0), null, at(3_500), "APPROVED")).isFalse();
    }

    @Test
    void requestDeliveredToSomeScreenButNotTheWatchedOneIsAMiss() {
        assertThat(StreamWatch.settledBeforeShown("REQUEST", at(0), at(50), at(205), "APPROVED")).isFalse();
    }

    @Test
    void requestReadButStillAwaitingItsDecisionIsAMiss() {
        assertThat(StreamWatch.settledBeforeShown("REQUEST", at(0), null, at(205), "PENDING")).isFalse();
    }

    @Test
    void noticeNeverShownIsAMissEvenIfRead() {
        assertThat(StreamWatch.settledBeforeShown("LONG_RUNNING", at(0), null, at(205), "LONG_RUNNING")).isFalse();
    }

    private static Timestamp at(long millisAfterMaking) {
        return Timestamp.from(MADE.plusMillis(millisAfterMaking));
    }

}
