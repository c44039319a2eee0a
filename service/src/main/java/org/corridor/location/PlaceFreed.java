package org.corridor.location;

/**
 * A student came back from a destination: a place there, and in the school's hallways,
 * may be free for the first pass waiting. Published by {@link Occupancy#left} inside the
 * transaction; heard after it commits.
 */
public record PlaceFreed(String schoolId, String destinationId) {
}
