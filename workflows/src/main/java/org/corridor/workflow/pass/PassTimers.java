package org.corridor.workflow.pass;

import java.time.Duration;

/**
 * How long each timer of a pass waits: the school's settings, read when the engine sets
 * the timer.
 */
public record PassTimers(Duration longRunning, Duration autoEnd, Duration requestExpiry, Duration resendAfter,
        Duration escalateAfter, Duration waitingExpiry) {

    /** Until a waiting line was known: a waiting pass expires after 10 minutes. */
    public static final Duration DEFAULT_WAITING_EXPIRY = Duration.ofMinutes(10);

    public PassTimers(Duration longRunning, Duration autoEnd, Duration requestExpiry, Duration resendAfter,
            Duration escalateAfter) {
        this(longRunning, autoEnd, requestExpiry, resendAfter, escalateAfter, DEFAULT_WAITING_EXPIRY);
    }

    public PassTimers {
        requirePositive("longRunning", longRunning);
        requirePositive("autoEnd", autoEnd);
        requirePositive("requestExpiry", requestExpiry);
        requirePositive("resendAfter", resendAfter);
        requirePositive("escalateAfter", escalateAfter);
        requirePositive("waitingExpiry", waitingExpiry);
    }

    private static void requirePositive(String name, Duration value) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be a positive duration, was " + value);
        }
    }
}
