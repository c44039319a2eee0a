package org.corridor.workflow.pass;

import java.time.Duration;
import java.util.Map;

/** How long each timer of a pass waits; set when the pass's process starts, from the school's settings. */
public record PassTimers(Duration longRunning, Duration autoEnd, Duration requestExpiry, Duration resendAfter,
                         Duration escalateAfter) {
    public static final String LONG_RUNNING_AFTER = "longRunningAfter";
    public static final String AUTO_END_AFTER = "autoEndAfter";
    public static final String REQUEST_EXPIRES_AFTER = "requestExpiresAfter";
    public static final String RESEND_AFTER = "resendAfter";
    public static final String ESCALATE_AFTER = "escalateAfter";

    public PassTimers {
        requirePositive("longRunning", longRunning);
        requirePositive("autoEnd", autoEnd);
        requirePositive("requestExpiry", requestExpiry);
        requirePositive("resendAfter", resendAfter);
        requirePositive("escalateAfter", escalateAfter);
    }

    /** Process variables as ISO-8601 durations: longRunningAfter, autoEndAfter, requestExpiresAfter, resendAfter, escalateAfter */
    public Map<String, Object> asVariables() {
        // Strings, not Durations: the BPMN timers read them as timeDuration expressions, and a string
        // variable stays readable in the engine's history for whoever looks at a pass later.
        return Map.of(
                LONG_RUNNING_AFTER, longRunning.toString(),
                AUTO_END_AFTER, autoEnd.toString(),
                REQUEST_EXPIRES_AFTER, requestExpiry.toString(),
                RESEND_AFTER, resendAfter.toString(),
                ESCALATE_AFTER, escalateAfter.toString());
    }

    private static void requirePositive(String name, Duration value) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be a positive duration, was " + value);
        }
    }
}
