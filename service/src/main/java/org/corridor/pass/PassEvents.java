package org.corridor.pass;

import java.time.Clock;

import org.springframework.stereotype.Component;

/** Writes the audit timeline. */
@Component
class PassEvents {
    private final PassEventRepository events;
    private final Clock clock;

    PassEvents(PassEventRepository events, Clock clock) {
        this.events = events;
        this.clock = clock;
    }

    void record(Pass pass, String kind, String actorId, PassState from, String detail) {
        events.save(new PassEvent(pass, clock.instant(), kind, actorId, from, detail));
    }
}
