package org.corridor.school;

import jakarta.persistence.Entity;

import org.corridor.persistence.Identified;

@Entity
public class District extends Identified {

    private String name;

    private String sourceId;

    protected District() {
    }

    public District(String name) {
        this.name = name;
    }

    public String getName() {
        return name;
    }

    /**
     * The sourcedId of the district org its roster came from; null until a first import.
     */
    public String getSourceId() {
        return sourceId;
    }

}
