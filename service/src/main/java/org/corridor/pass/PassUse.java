package org.corridor.pass;

import java.time.Instant;

/** A pass the student used: when it started and ended. */
public record PassUse(Instant startedAt, Instant endedAt) {
}
