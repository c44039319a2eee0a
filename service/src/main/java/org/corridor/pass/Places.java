package org.corridor.pass;

import java.util.List;
import java.util.Optional;
import java.util.function.IntSupplier;
import java.util.function.LongSupplier;

import jakarta.persistence.EntityManager;

import org.hibernate.query.NativeQuery;
import org.hibernate.type.StandardBasicTypes;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import org.corridor.location.Location;
import org.corridor.location.LocationRepository;
import org.corridor.location.Occupancy;
import org.corridor.rules.RaisedFlag;
import org.corridor.rules.Severity;
import org.corridor.school.HeldSchool;
import org.corridor.school.SchoolsHeld;

/**
 * Whether a pass has a place to go to now: its destination open, not full, nobody in line
 * there ahead of it, and the school's hallway limit not reached. Read from the counters
 * ({@link Occupancy}), the one source of every count. The caller holds the destination's
 * lock; the hallway's lock is taken here when the limit applies to the pass, so what this
 * answers stays true until the caller commits.
 */
@Component
class Places {

    static final String HALL_LIMIT = "HALL_LIMIT";

    /**
     * What a flag's rule-set version reads for a flag raised by a school setting, not by
     * a rule set.
     */
    static final String SETTINGS_VERSION = "school-settings";

    private final LocationRepository locations;

    private final SchoolsHeld schools;

    private final Occupancy occupancy;

    private final PassRepository passes;

    private final EntityManager entities;

    Places(LocationRepository locations, SchoolsHeld schools, Occupancy occupancy, PassRepository passes,
            EntityManager entities) {
        this.entities = entities;
        this.locations = locations;
        this.schools = schools;
        this.occupancy = occupancy;
        this.passes = passes;
    }

    enum Kind {

        FREE, CLOSED, LINE, FULL, HALL_LIMIT;

        /** A place will free: waiting for it makes sense. */
        boolean waitable() {
            return this == LINE || this == FULL || this == HALL_LIMIT;
        }

    }

    /** The answer, and the sentence that says why there is no place. */
    record Place(Kind kind, String reason) {

        boolean free() {
            return kind == Kind.FREE;
        }

    }

    @Transactional(propagation = Propagation.MANDATORY)
    Place placeFor(Pass pass) {
        return placeFor(pass, locations.getReferenceById(pass.getDestinationId()),
                () -> pass.getState() == PassState.WAITING
                        ? passes.waitingAhead(pass.getDestinationId(), pass.getWaitingSince(), pass.getId())
                        : passes.waitingCountAt(pass.getDestinationId()),
                () -> occupancy.outNow(pass.getDestinationId()));
    }

    /**
     * The place of a request about to be approved, from its destination as
     * {@link #lockForApproval} read it.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    Place placeFor(Pass pass, LockedDestination locked) {
        if (pass.getState() == PassState.WAITING || !locked.destination().getId().equals(pass.getDestinationId())) {
            return placeFor(pass);
        }
        return placeFor(pass, locked.destination(), locked::waiting, locked::outNow);
    }

    /**
     * A destination locked as {@link LocationRepository#lockById} locks it, with how many
     * wait in its line and how many are out there, read under the lock.
     */
    record LockedDestination(Location destination, long waiting, int outNow) {
    }

    /**
     * {@link LocationRepository#lockById} for an approval, which counts the destination's
     * line and students out next: both read in the locking statement, under the lock, as
     * they would be read after it.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    Optional<LockedDestination> lockForApproval(String destinationId) {
        List<?> rows = entities.createNativeQuery("""
                select {l.*},
                       (select count(*) from hall_pass p where p.destination_id = l.id and p.state = 'WAITING')
                         as waiting,
                       coalesce((select o.out_now from destination_occupancy o where o.location_id = l.id), 0)
                         as out_now
                from location l where l.id = :id for update""")
            .unwrap(NativeQuery.class)
            .addEntity("l", Location.class)
            .addScalar("waiting", StandardBasicTypes.LONG)
            .addScalar("out_now", StandardBasicTypes.INTEGER)
            .setParameter("id", destinationId)
            .getResultList();
        return rows.stream()
            .map(Object[].class::cast)
            .map(row -> new LockedDestination((Location) row[0], (Long) row[1], (Integer) row[2]))
            .findFirst();
    }

    private Place placeFor(Pass pass, Location destination, LongSupplier waitingAhead, IntSupplier outNow) {
        if (!destination.isOpen()) {
            return new Place(Kind.CLOSED, destination.getName() + " is closed");
        }
        long ahead = waitingAhead.getAsLong();
        if (ahead > 0) {
            return new Place(Kind.LINE, ahead + (ahead == 1 ? " student is" : " students are") + " waiting in line for "
                    + destination.getName());
        }
        if (destination.isFullWith(outNow.getAsInt())) {
            return new Place(Kind.FULL,
                    destination.getName() + " is full (" + destination.getCapacity() + " places taken)");
        }
        HeldSchool school = schools.of(pass.getSchoolId());
        if (school.limitsHallTraffic(pass.hallTraffic())) {
            int out = occupancy.lockHall(school.id()).counted(school.settings().hallLimitCounts());
            if (out >= school.settings().maxStudentsOut()) {
                return new Place(Kind.HALL_LIMIT, hallLimitReached(out, school));
            }
        }
        return new Place(Kind.FREE, null);
    }

    /**
     * The flag a teacher sees on a request while the school's hallways are at their limit
     * (read without a lock: the approval counts again under it).
     */
    @Transactional(propagation = Propagation.MANDATORY)
    Optional<RaisedFlag> hallLimitFlag(Pass pass) {
        HeldSchool school = schools.of(pass.getSchoolId());
        if (!school.limitsHallTraffic(pass.hallTraffic())) {
            return Optional.empty();
        }
        int out = occupancy.hallOut(school.id()).counted(school.settings().hallLimitCounts());
        return out >= school.settings().maxStudentsOut() ? Optional.of(flag(out, school)) : Optional.empty();
    }

    /**
     * As {@link #hallLimitFlag}, counted under the hallway's lock: for an approval, which
     * may put the student out before it commits.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    Optional<RaisedFlag> hallLimitFlagLocked(Pass pass) {
        HeldSchool school = schools.of(pass.getSchoolId());
        if (!school.limitsHallTraffic(pass.hallTraffic())) {
            return Optional.empty();
        }
        int out = occupancy.lockHall(school.id()).counted(school.settings().hallLimitCounts());
        return out >= school.settings().maxStudentsOut() ? Optional.of(flag(out, school)) : Optional.empty();
    }

    static RaisedFlag flag(int out, HeldSchool school) {
        return new RaisedFlag(HALL_LIMIT, Severity.WARN, hallLimitReached(out, school), "Hall traffic limit reached",
                "School setting maxStudentsOut", SETTINGS_VERSION);
    }

    static List<RaisedFlag> with(List<RaisedFlag> flags, Optional<RaisedFlag> more) {
        return more
            .map(flag -> java.util.stream.Stream.concat(flags.stream(), java.util.stream.Stream.of(flag))
                .filter(f -> !f.code().equals(HALL_LIMIT) || f == flag)
                .toList())
            .orElse(flags);
    }

    private static String hallLimitReached(int out, HeldSchool school) {
        return "Hall traffic limit reached (" + out + (out == 1 ? " student" : " students") + " out, limit "
                + school.settings().maxStudentsOut() + ")";
    }

}
