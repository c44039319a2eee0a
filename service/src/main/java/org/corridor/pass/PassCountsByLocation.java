package org.corridor.pass;

import java.util.EnumSet;
import java.util.Set;

import jakarta.persistence.EntityManager;

import org.springframework.stereotype.Component;

import org.corridor.location.PassCounts;

/** The passes of each location, counted for the location's administrators. */
@Component
class PassCountsByLocation implements PassCounts {

    /**
     * A pass in one of these states is still on its way to its destination, or will be.
     */
    static final Set<PassState> HEADED_THERE = EnumSet.of(PassState.SCHEDULED, PassState.REQUESTED, PassState.PENDING,
            PassState.ACTIVE, PassState.LONG_RUNNING);

    private final EntityManager entityManager;

    PassCountsByLocation(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    @Override
    public long headedTo(String locationId) {
        return entityManager
            .createQuery("select count(p) from Pass p where p.destinationId = :id and p.state in :states", Long.class)
            .setParameter("id", locationId)
            .setParameter("states", HEADED_THERE)
            .getSingleResult();
    }

    @Override
    public long naming(String locationId) {
        return entityManager
            .createQuery("select count(p) from Pass p where p.destinationId = :id or p.departingRoomId = :id",
                    Long.class)
            .setParameter("id", locationId)
            .getSingleResult();
    }

}
