package org.corridor.pass;

import java.util.List;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.data.domain.PageRequest;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

import org.corridor.location.LocationRepository;
import org.corridor.location.PlaceFreed;
import org.corridor.school.SchoolRepository;
import org.corridor.workflow.pass.LifecycleConflictException;
import org.corridor.workflow.pass.PassLifecycle;

/**
 * The waiting line: when a place frees, the first pass waiting for it becomes active at
 * once. First come, first served per destination ({@code waiting_since}, then id).
 * <p>
 * Each promotion is a transaction of its own that locks the destination's row first, as
 * an approval does, then reads who is first in line and whether there is a place
 * ({@link Places}, which locks the hallway's count where the school's limit applies), and
 * only then tells the pass's process ({@link PassLifecycle#placeFreed}). Two promoters of
 * one destination (two instances, or a freed place and the sweep) so take turns, and the
 * second counts the first's student: one place, one promotion. A waiting pass that
 * expires or leaves the line in the same moment changes the same process instance; the
 * engine lets one of the two commit, and the other is a conflict that changes nothing.
 * <p>
 * When: right after a transaction in which a student came back commits
 * ({@link PlaceFreed}), and every {@code corridor.waiting.sweep-seconds} for what no such
 * event covers (a capacity raised, a destination reopened, the hallway limit changed, an
 * instance that stopped between a commit and its promotion).
 */
@Service
public class WaitingLine {

    private static final Logger log = LoggerFactory.getLogger(WaitingLine.class);

    /** A line never promotes more than this many in one go; the sweep goes on later. */
    private static final int MAX_PROMOTIONS = 200;

    private final PassRepository passes;

    private final LocationRepository locations;

    private final SchoolRepository schools;

    private final Places places;

    private final PassLifecycle lifecycle;

    private final TransactionTemplate ownTransaction;

    WaitingLine(PassRepository passes, LocationRepository locations, SchoolRepository schools, Places places,
            PassLifecycle lifecycle, PlatformTransactionManager transactions) {
        this.passes = passes;
        this.locations = locations;
        this.schools = schools;
        this.places = places;
        this.lifecycle = lifecycle;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void placeFreed(PlaceFreed freed) {
        promote(freed.schoolId());
    }

    @Scheduled(fixedDelayString = "${corridor.waiting.sweep-seconds:20}",
            initialDelayString = "${corridor.waiting.sweep-seconds:20}", timeUnit = TimeUnit.SECONDS)
    void sweep() {
        List<String> schoolIds;
        try {
            schoolIds = ownTransaction.execute(status -> passes.schoolsWithWaiting());
        }
        catch (RuntimeException e) {
            log.warn("The waiting line's sweep could not read the schools with waiting passes", e);
            return;
        }
        schoolIds.forEach(this::promote);
    }

    /**
     * Promotes, at every destination of the school where somebody waits, as many waiting
     * passes as there are places: the destination whose first pass has waited longest
     * first.
     * @return how many passes became active
     */
    public int promote(String schoolId) {
        int promoted = 0;
        try {
            List<String> destinations = ownTransaction.execute(status -> passes.destinationsWithWaiting(schoolId));
            for (String destinationId : destinations) {
                int conflicts = 0;
                while (promoted < MAX_PROMOTIONS) {
                    Outcome outcome = promoteFirst(schoolId, destinationId);
                    if (outcome == Outcome.PROMOTED) {
                        promoted++;
                    }
                    else if (outcome == Outcome.CHANGED_MEANWHILE && ++conflicts < 3) {
                        continue;
                    }
                    else {
                        break;
                    }
                }
            }
        }
        catch (RuntimeException e) {
            // The pass stays WAITING and the next sweep tries again; nothing was changed
            // by the failed attempt.
            log.warn("Promoting the waiting line of school {} failed after {} promotions", schoolId, promoted, e);
        }
        return promoted;
    }

    private enum Outcome {

        PROMOTED, NO_PLACE, CHANGED_MEANWHILE

    }

    private Outcome promoteFirst(String schoolId, String destinationId) {
        try {
            return ownTransaction.execute(status -> {
                if (schools.getReferenceById(schoolId).isInEmergency()) {
                    return Outcome.NO_PLACE;
                }
                locations.lockById(destinationId);
                List<Pass> first = passes.waitingAt(destinationId, PageRequest.of(0, 1));
                if (first.isEmpty() || !places.placeFor(first.get(0)).free()) {
                    return Outcome.NO_PLACE;
                }
                lifecycle.placeFreed(first.get(0).ref());
                return Outcome.PROMOTED;
            });
        }
        catch (LifecycleConflictException | DataAccessException raced) {
            // It left the line, expired, or another promoter took it at the same moment;
            // or this transaction lost a deadlock: rolled back, look again.
            log.debug("Promotion at destination {} changed meanwhile: {}", destinationId, raced.getMessage());
            return Outcome.CHANGED_MEANWHILE;
        }
    }

}
