package org.corridor.location;

import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.EntityManager;

import org.springframework.stereotype.Component;

/**
 * What refers to a location: passes of any state, as destination or as the room left;
 * sections meeting in it; kiosks bound to it, revoked or not. Passes and history keep
 * their places, so a location anything refers to is never deleted.
 */
@Component
class LocationReferences {

    private final EntityManager entityManager;

    private final PassCounts passes;

    LocationReferences(EntityManager entityManager, PassCounts passes) {
        this.entityManager = entityManager;
        this.passes = passes;
    }

    /**
     * What refers to the location, in words ("3 passes, 1 section"); empty when nothing
     * does.
     */
    List<String> of(String locationId) {
        List<String> found = new ArrayList<>();
        add(found, passes.naming(locationId), "pass");
        add(found, count("select count(s) from Section s where s.roomId = :id", locationId), "section");
        add(found, count("select count(k) from Kiosk k where k.roomId = :id", locationId), "kiosk");
        return found;
    }

    private long count(String query, String id) {
        return entityManager.createQuery(query, Long.class).setParameter("id", id).getSingleResult();
    }

    private static void add(List<String> found, long n, String what) {
        if (n > 0) {
            found.add(n + " " + what + (n == 1 ? "" : what.endsWith("s") ? "es" : "s"));
        }
    }

}
