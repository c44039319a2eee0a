package org.corridor.pass;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import jakarta.persistence.EntityManager;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import org.corridor.security.Caller;

/** Writes the audit timeline. */
@Component
class PassEvents {

    private final PassEventRepository events;

    private final EntityManager entities;

    private final Clock clock;

    PassEvents(PassEventRepository events, EntityManager entities, Clock clock) {
        this.events = events;
        this.entities = entities;
        this.clock = clock;
    }

    /**
     * An action someone took. The actor is who was at the keyboard (the administrator,
     * when one acts as a teacher, with the teacher recorded as on-behalf-of), or the
     * kiosk.
     */
    void record(Pass pass, PassEventKind kind, Caller caller, PassState from, String detail) {
        String actor = caller.isKiosk() ? caller.id() : caller.signedInId();
        write(new PassEvent(pass, nextInstant(pass), kind, actor, caller.onBehalfOfId(), from, detail));
    }

    /**
     * The first line of the timeline of a pass this transaction has just created: no line
     * can be before it.
     */
    void recordFirst(Pass pass, PassEventKind kind, Caller caller, String detail) {
        Map<String, Instant> written = writtenInThisTransaction();
        if (written != null) {
            written.put(pass.getId(), null);
        }
        record(pass, kind, caller, null, detail);
    }

    /** A step the lifecycle took by itself: a timer fired or the policy decided. */
    void recordBySystem(Pass pass, PassEventKind kind, PassState from, String detail) {
        write(new PassEvent(pass, nextInstant(pass), kind, null, null, from, detail));
    }

    /**
     * A line is new by construction (its id is made here): persisted, not merged, so no
     * read comes before it.
     */
    private void write(PassEvent event) {
        entities.persist(event);
    }

    /**
     * Steps of one request often happen within the same millisecond (requested,
     * evaluated, routed); the timeline is ordered by time, so each line is kept strictly
     * after the one before it. The line before is the last one this transaction wrote for
     * the pass, if it wrote one; otherwise it is read.
     */
    private Instant nextInstant(Pass pass) {
        Instant now = clock.instant();
        Map<String, Instant> written = writtenInThisTransaction();
        Instant last = written != null && written.containsKey(pass.getId()) ? written.get(pass.getId())
                : events.lastOccurredAt(pass.getId()).orElse(null);
        Instant at = last != null && !now.isAfter(last) ? last.plusMillis(1) : now;
        if (written != null) {
            written.put(pass.getId(), at);
        }
        return at;
    }

    /**
     * Per pass, the time of the last line this transaction wrote (null: none before it);
     * null outside one.
     */
    @SuppressWarnings("unchecked")
    private Map<String, Instant> writtenInThisTransaction() {
        if (!TransactionSynchronizationManager.isActualTransactionActive()
                || !TransactionSynchronizationManager.isSynchronizationActive()) {
            return null;
        }
        Map<String, Instant> written = (Map<String, Instant>) TransactionSynchronizationManager.getResource(this);
        if (written == null) {
            Map<String, Instant> fresh = new HashMap<>();
            TransactionSynchronizationManager.bindResource(this, fresh);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void suspend() {
                    TransactionSynchronizationManager.unbindResource(PassEvents.this);
                }

                @Override
                public void resume() {
                    TransactionSynchronizationManager.bindResource(PassEvents.this, fresh);
                }

                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(PassEvents.this);
                }
            });
            written = fresh;
        }
        return written;
    }

}
