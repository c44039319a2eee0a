package org.corridor.rules;

/**
 * The requested destination as it is now. A capacity of 0 means the destination has no
 * limit.
 */
public final class DestinationStatus {

    private final String destinationId;

    private final String name;

    private final int capacity;

    private final int occupancy;

    private final boolean open;

    public DestinationStatus(String destinationId, String name, int capacity, int occupancy, boolean open) {
        this.destinationId = destinationId;
        this.name = name;
        this.capacity = capacity;
        this.occupancy = occupancy;
        this.open = open;
    }

    public String getDestinationId() {
        return destinationId;
    }

    public String getName() {
        return name;
    }

    public int getCapacity() {
        return capacity;
    }

    public int getOccupancy() {
        return occupancy;
    }

    public boolean isOpen() {
        return open;
    }

    public boolean isLimited() {
        return capacity > 0;
    }

}
