package org.corridor.location;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

import org.hibernate.annotations.Immutable;

/**
 * A destination's count of students out, as queries read it. Only {@link Occupancy}
 * changes it, by SQL: the application never loads one to change it.
 */
@Entity
@Immutable
public class DestinationOccupancy {

    @Id
    private String locationId;

    private String schoolId;

    private int outNow;

    protected DestinationOccupancy() {
    }

    public String getLocationId() {
        return locationId;
    }

    public String getSchoolId() {
        return schoolId;
    }

    public int getOutNow() {
        return outNow;
    }

}
