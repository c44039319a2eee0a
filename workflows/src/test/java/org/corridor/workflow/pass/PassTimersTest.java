package org.corridor.workflow.pass;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class PassTimersTest {

    private static final Duration MINUTE = Duration.ofMinutes(1);

    @Test
    void zeroDurationIsRefused() {
        // A zero timer would fire the moment the pass starts: a settings mistake, not a
        // school's choice.
        assertThatThrownBy(() -> new PassTimers(MINUTE, MINUTE, Duration.ZERO, MINUTE, MINUTE))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("requestExpiry");
    }

    @Test
    void negativeDurationIsRefused() {
        assertThatThrownBy(() -> new PassTimers(MINUTE.negated(), MINUTE, MINUTE, MINUTE, MINUTE))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("longRunning");
    }

    @Test
    void missingDurationIsRefused() {
        assertThatThrownBy(() -> new PassTimers(MINUTE, MINUTE, MINUTE, MINUTE, null))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("escalateAfter");
    }

}
