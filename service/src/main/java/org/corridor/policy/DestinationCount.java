package org.corridor.policy;

/** How many students are out at one destination of a school, in one state (ACTIVE or LONG_RUNNING). */
public record DestinationCount(String destinationId, long out) {
}
