package org.corridor.location;

/**
 * What a request reads of a location and an administrator changes now and then: its
 * school, name, whether students may go there, how many at once, whether it is open.
 * Never how many are there: the counters ({@link Occupancy}) are read each time.
 */
public record HeldPlace(String id, String schoolId, String name, boolean destination, int capacity, boolean open) {

    static HeldPlace of(Location location) {
        return new HeldPlace(location.getId(), location.getSchoolId(), location.getName(), location.isDestination(),
                location.getCapacity(), location.isOpen());
    }

}
