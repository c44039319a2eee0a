package org.corridor.location;

/**
 * A location as an administrator manages it. {@code capacity} 0 means no limit;
 * {@code occupancy} (students out there now) is given for destinations only, null for a
 * plain room.
 */
record LocationView(String id, String name, boolean destination, int capacity, boolean open, boolean autoPassAllowed,
        Staff staffedBy, Integer occupancy) {

    /** The teacher who checks arriving students in. */
    record Staff(String id, String name) {
    }
}
