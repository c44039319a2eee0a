package org.corridor.pass;

import java.time.Clock;
import java.time.Instant;

import jakarta.persistence.EntityManager;

import org.springframework.stereotype.Component;

import org.corridor.security.Caller;

/** Writes the audit timeline. */
@Component
class PassEvents {

    private final EntityManager entities;

    private final Clock clock;

    PassEvents(EntityManager entities, Clock clock) {
        this.entities = entities;
        this.clock = clock;
    }

    /**
     * An action someone took. The actor is who was at the keyboard (the administrator,
     * when one acts as a teacher, with the teacher recorded as on-behalf-of), or the
     * kiosk.
     */
    void record(Pass pass, PassEventKind kind, Caller caller, PassState from, String detail) {
        recordAt(pass, next(pass), kind, caller, from, detail);
    }

    /**
     * As {@link #record}, at a moment {@link #next} chose and a conditional update
     * already wrote on the pass with the change the line records (delivered, seen), so
     * the line leaves the pass as it is.
     */
    void recordAt(Pass pass, Instant at, PassEventKind kind, Caller caller, PassState from, String detail) {
        String actor = caller.isKiosk() ? caller.id() : caller.signedInId();
        write(pass, new PassEvent(pass, at, kind, actor, caller.onBehalfOfId(), from, detail));
    }

    /**
     * The first line of the timeline of a pass this transaction has just created: no line
     * can be before it.
     */
    void recordFirst(Pass pass, PassEventKind kind, Caller caller, String detail) {
        record(pass, kind, caller, null, detail);
    }

    /** A step the lifecycle took by itself: a timer fired or the policy decided. */
    void recordBySystem(Pass pass, PassEventKind kind, PassState from, String detail) {
        recordBySystemAt(pass, next(pass), kind, from, detail);
    }

    /**
     * As {@link #recordBySystem}, at a moment written already (see {@link #recordAt}).
     */
    void recordBySystemAt(Pass pass, Instant at, PassEventKind kind, PassState from, String detail) {
        write(pass, new PassEvent(pass, at, kind, null, null, from, detail));
    }

    /**
     * Steps of one request often happen within the same millisecond (requested,
     * evaluated, routed); the timeline is ordered by time, so each line is kept strictly
     * after the one before it, whose time the pass keeps (V30) rather than a read of the
     * timeline before every line.
     */
    Instant next(Pass pass) {
        Instant now = clock.instant();
        Instant last = pass.getLastEventAt();
        return last != null && !now.isAfter(last) ? last.plusMillis(1) : now;
    }

    /**
     * The time of a line to be written later in this step ({@link #recordAt}), kept on
     * the pass now: for a step whose lifecycle flushes the pass before its line is
     * written. No other line of the pass may come between.
     */
    Instant reserve(Pass pass) {
        Instant at = next(pass);
        pass.recordLastEvent(at);
        return at;
    }

    /**
     * A line is new by construction (its id is made here): persisted, not merged, so no
     * read comes before it. The pass keeps its time; where a conditional update wrote it
     * already, the pass does not change.
     */
    private void write(Pass pass, PassEvent event) {
        if (pass.getLastEventAt() == null || event.getOccurredAt().isAfter(pass.getLastEventAt())) {
            pass.recordLastEvent(event.getOccurredAt());
        }
        entities.persist(event);
    }

}
