package org.corridor.school;

import jakarta.persistence.Entity;

import org.corridor.persistence.Identified;

@Entity
public class District extends Identified {
    private String name;

    protected District() {
    }

    public District(String name) {
        this.name = name;
    }

    public String getName() {
        return name;
    }
}
