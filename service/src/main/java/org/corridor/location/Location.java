package org.corridor.location;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;

import org.corridor.persistence.Identified;

/**
 * A place in a school: a classroom students leave from, a destination they go to, or both
 * (the Library is Mr Okafor's room and a destination). A capacity of 0 means no limit.
 */
@Entity
public class Location extends Identified {

    private String schoolId;

    private String name;

    @Column(name = "is_destination")
    private boolean destination;

    private int capacity;

    @Column(name = "is_open")
    private boolean open = true;

    private boolean autoPassAllowed;

    private String teacherId;

    protected Location() {
    }

    private Location(String schoolId, String name, boolean destination, int capacity) {
        this.schoolId = schoolId;
        this.name = name;
        this.destination = destination;
        this.capacity = capacity;
    }

    public static Location room(String schoolId, String name) {
        return new Location(schoolId, name, false, 0);
    }

    public static Location destination(String schoolId, String name, int capacity) {
        return new Location(schoolId, name, true, capacity);
    }

    /** Students may start an auto pass here without asking. */
    public Location allowingAutoPasses() {
        this.autoPassAllowed = true;
        return this;
    }

    public Location staffedBy(String teacherId) {
        this.teacherId = teacherId;
        return this;
    }

    /**
     * Sets every administrator-editable fact at once, after {@code LocationChange}
     * validated the whole. A location that stops being a destination keeps its capacity
     * and flags, so turning it back restores them.
     */
    void change(String name, boolean destination, int capacity, boolean open, boolean autoPassAllowed,
            String teacherId) {
        this.name = name;
        this.destination = destination;
        this.capacity = capacity;
        this.open = open;
        this.autoPassAllowed = autoPassAllowed;
        this.teacherId = teacherId;
    }

    public String getSchoolId() {
        return schoolId;
    }

    public String getName() {
        return name;
    }

    public boolean isDestination() {
        return destination;
    }

    public int getCapacity() {
        return capacity;
    }

    /**
     * No place free for one more student, with {@code out} students there; never for a
     * location without limit.
     */
    public boolean isFullWith(int out) {
        return capacity > 0 && out >= capacity;
    }

    public boolean isOpen() {
        return open;
    }

    public boolean isAutoPassAllowed() {
        return autoPassAllowed;
    }

    public String getTeacherId() {
        return teacherId;
    }

}
