package org.corridor.location;

/**
 * How many passes are headed to or name a location (how many students are out there is
 * {@link Occupancy}'s counter, not a count of passes). The pass feature implements it
 * ({@code pass.PassCountsByLocation}): passes know their destinations, so locations ask
 * through this port and never depend on passes.
 */
public interface PassCounts {

    /** Passes requested, pending, out or booked to the location. */
    long headedTo(String locationId);

    /** Passes of any state that name the location, as destination or as the room left. */
    long naming(String locationId);

}
