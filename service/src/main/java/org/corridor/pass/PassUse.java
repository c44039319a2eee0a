package org.corridor.pass;

import java.time.Instant;

/**
 * A pass the student used: when it started and ended, and its type (a school counts only
 * some types).
 */
public record PassUse(Instant startedAt, Instant endedAt, PassType passType) {
}
