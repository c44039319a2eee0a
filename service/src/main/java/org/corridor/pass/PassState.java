package org.corridor.pass;

import java.util.EnumSet;
import java.util.Set;

public enum PassState {

    /**
     * An appointment booked for later: not yet open, so the student can still ask for
     * other passes.
     */
    SCHEDULED, REQUESTED, PENDING,
    /**
     * Approved to go when a place frees at its destination (or in the school's hallways):
     * in line, first come first served; not out.
     */
    WAITING, ACTIVE, LONG_RUNNING, COMPLETED, ENDED_BY_SYSTEM, DENIED, CANCELLED, EXPIRED;

    /** States in which the student is out of class. */
    public static final Set<PassState> OUT = EnumSet.of(ACTIVE, LONG_RUNNING);

    /** States that count as a pass the student has used. */
    public static final Set<PassState> USED = EnumSet.of(ACTIVE, LONG_RUNNING, COMPLETED, ENDED_BY_SYSTEM);

    public boolean isOpen() {
        return this == REQUESTED || this == PENDING || this == WAITING || OUT.contains(this);
    }

}
