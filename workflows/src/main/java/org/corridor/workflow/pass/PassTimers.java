package org.corridor.workflow.pass;

import java.time.Duration;
import java.util.Map;

public record PassTimers(Duration longRunning, Duration autoEnd, Duration requestExpiry, Duration resendAfter,
                         Duration escalateAfter) {
    public Map<String, Object> asVariables() {
        return Map.of("longRunningAfter", longRunning.toString(), "autoEndAfter", autoEnd.toString(),
                "requestExpiresAfter", requestExpiry.toString(), "resendAfter", resendAfter.toString(),
                "escalateAfter", escalateAfter.toString());
    }
}
