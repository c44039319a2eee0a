package org.corridor.location;

import java.util.Collection;
import java.util.Map;

/**
 * How many passes are at, headed to or name a location. The pass feature implements it
 * ({@code pass.PassCountsByLocation}): passes know their destinations, so locations ask through this port
 * and never depend on passes.
 */
public interface PassCounts {

    /** Students out at each of the locations (only those with somebody out appear). */
    Map<String, Long> outAt(Collection<String> locationIds);

    /** Passes requested, pending, out or booked to the location. */
    long headedTo(String locationId);

    /** Passes of any state that name the location, as destination or as the room left. */
    long naming(String locationId);
}
