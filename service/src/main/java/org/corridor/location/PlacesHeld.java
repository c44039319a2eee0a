package org.corridor.location;

import java.time.Duration;

import jakarta.persistence.EntityNotFoundException;

import org.springframework.stereotype.Component;

import org.corridor.cluster.Broadcasts;
import org.corridor.cluster.HeldData;
import org.corridor.persistence.EntityWrites;

/**
 * Every location's name, capacity and opening held in memory, so that a policy evaluation
 * reads only the counters: forgotten on every instance when the location is written (any
 * write through JPA, seen by {@link EntityWrites}; the roster import's SQL changes only
 * locations it inserts in the same transaction), and read again at least every minute in
 * case another instance's message was lost.
 */
@Component
public class PlacesHeld {

    static final String TOPIC = "location-changed";

    static final Duration HELD_FOR = Duration.ofMinutes(1);

    private final LocationRepository locations;

    private final HeldData<HeldPlace> held;

    PlacesHeld(LocationRepository locations, Broadcasts broadcasts, EntityWrites writes) {
        this.locations = locations;
        this.held = new HeldData<>(TOPIC, broadcasts, HELD_FOR, 100_000);
        writes.watch(Location.class, location -> held.changed(location.getId()));
    }

    /** The location; throws EntityNotFoundException for one that is not. */
    public HeldPlace of(String locationId) {
        HeldPlace place = held.get(locationId, id -> locations.findById(id).map(HeldPlace::of).orElse(null));
        if (place == null) {
            throw new EntityNotFoundException("location " + locationId);
        }
        return place;
    }

    /**
     * Forgets every location on this instance: for tests that change one in plain SQL
     * behind the service's back.
     */
    public void forgetAll() {
        held.forgetAll();
    }

}
