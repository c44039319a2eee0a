package org.corridor.workflow.pass;

import java.time.Duration;

/**
 * How long each timer of a pass waits: the school's settings, read when the engine sets
 * the timer.
 */
public record PassTimers(Duration longRunning, Duration autoEnd, Duration requestExpiry, Duration resendAfter,
        Duration escalateAfter) {

    public PassTimers {
        requirePositive("longRunning", longRunning);
        requirePositive("autoEnd", autoEnd);
        requirePositive("requestExpiry", requestExpiry);
        requirePositive("resendAfter", resendAfter);
        requirePositive("escalateAfter", escalateAfter);
    }

    private static void requirePositive(String name, Duration value) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be a positive duration, was " + value);
        }
    }
}
