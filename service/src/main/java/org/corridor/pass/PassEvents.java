package org.corridor.pass;

import java.time.Clock;
import java.time.Instant;

import org.springframework.stereotype.Component;

import org.corridor.security.Caller;

/** Writes the audit timeline. */
@Component
class PassEvents {
    private final PassEventRepository events;
    private final Clock clock;

    PassEvents(PassEventRepository events, Clock clock) {
        this.events = events;
        this.clock = clock;
    }

    /**
     * An action someone took. The actor is who was at the keyboard (the administrator, when one acts as a
     * teacher, with the teacher recorded as on-behalf-of), or the kiosk.
     */
    void record(Pass pass, String kind, Caller caller, PassState from, String detail) {
        String actor = caller.isKiosk() ? caller.id() : caller.signedInId();
        events.save(new PassEvent(pass, nextInstant(pass), kind, actor, caller.onBehalfOfId(), from, detail));
    }

    /** A step the lifecycle took by itself: a timer fired or the policy decided. */
    void recordBySystem(Pass pass, String kind, PassState from, String detail) {
        events.save(new PassEvent(pass, nextInstant(pass), kind, null, null, from, detail));
    }

    /**
     * Steps of one request often happen within the same millisecond (requested, evaluated, routed); the
     * timeline is ordered by time, so each line is kept strictly after the one before it.
     */
    private Instant nextInstant(Pass pass) {
        Instant now = clock.instant();
        return events.lastOccurredAt(pass.getId())
                .filter(last -> !now.isAfter(last))
                .map(last -> last.plusMillis(1))
                .orElse(now);
    }
}
