package org.corridor.location;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A location as an administrator manages it. {@code capacity} 0 means no limit;
 * {@code occupancy} (students out there now) is given for destinations only, null for a
 * plain room.
 */
record LocationView(String id, String name, boolean destination, int capacity, boolean open, boolean autoPassAllowed,
        @Schema(nullable = true) Staff staffedBy, @Schema(nullable = true) Integer occupancy) {

    /** The teacher who checks arriving students in. */
    record Staff(String id, String name) {
    }
}
