package org.corridor.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/** Clocks for tests whose roster data belongs to a school year other than today's. */
public final class SchoolClocks {

    private SchoolClocks() {
    }

    /**
     * A clock that starts at the given moment and then runs: passes and timers still see
     * time go by.
     */
    public static Clock runningFrom(Instant then) {
        return Clock.offset(Clock.tick(Clock.systemUTC(), Duration.ofMillis(1)), Duration.between(Instant.now(), then));
    }

}
