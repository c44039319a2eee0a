package org.corridor.destination;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.persistence.EntityManager;

import org.springframework.stereotype.Component;

import org.corridor.pass.PassState;

/**
 * What uses a location: the passes going there now or booked for later, the students out there, and
 * everything that keeps its id (passes of any state, as destination or as the room left; sections meeting
 * in it; kiosks bound to it, revoked or not). Passes and history keep their places, so a location anything
 * refers to is never deleted.
 */
@Component
class LocationUse {
    /** A pass in one of these states is still on its way to its destination, or will be. */
    static final Set<PassState> HEADED_THERE = EnumSet.of(PassState.SCHEDULED, PassState.REQUESTED, PassState.PENDING,
            PassState.ACTIVE, PassState.LONG_RUNNING);

    private final EntityManager entityManager;

    LocationUse(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** Students out at each of the locations (only those with somebody out appear). */
    Map<String, Long> occupancy(Collection<String> locationIds) {
        if (locationIds.isEmpty()) {
            return Map.of();
        }
        return entityManager.createQuery("""
                        select p.destinationId, count(p) from Pass p
                        where p.destinationId in :ids and p.state in :states group by p.destinationId""",
                        Object[].class)
                .setParameter("ids", locationIds)
                .setParameter("states", PassState.OUT)
                .getResultList().stream()
                .collect(Collectors.toMap(row -> (String) row[0], row -> (Long) row[1]));
    }

    /** Passes requested, pending, out or booked to the location. */
    long passesHeadedTo(String locationId) {
        return entityManager.createQuery(
                        "select count(p) from Pass p where p.destinationId = :id and p.state in :states", Long.class)
                .setParameter("id", locationId)
                .setParameter("states", HEADED_THERE)
                .getSingleResult();
    }

    /** What refers to the location, in words ("3 passes, 1 section"); empty when nothing does. */
    List<String> references(String locationId) {
        List<String> found = new ArrayList<>();
        count(found, "select count(p) from Pass p where p.destinationId = :id or p.departingRoomId = :id", locationId,
                "pass");
        count(found, "select count(s) from Section s where s.roomId = :id", locationId, "section");
        count(found, "select count(k) from Kiosk k where k.roomId = :id", locationId, "kiosk");
        return found;
    }

    private void count(List<String> found, String query, String id, String what) {
        long n = entityManager.createQuery(query, Long.class).setParameter("id", id).getSingleResult();
        if (n > 0) {
            found.add(n + " " + what + (n == 1 ? "" : what.endsWith("s") ? "es" : "s"));
        }
    }
}
