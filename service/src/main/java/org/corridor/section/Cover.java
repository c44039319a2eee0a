package org.corridor.section;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import org.corridor.persistence.Identified;

/**
 * A covering teacher (a substitute) for a class, from one day to another of the school's
 * calendar, both included. While it is in force the class's requests go to the covering
 * teacher, not to the main teacher, and the covering teacher sees the class. Covers of
 * one class never overlap.
 */
@Entity
@Table(name = "section_cover")
public class Cover extends Identified {

    private String districtId;

    private String schoolId;

    private String sectionId;

    private String teacherId;

    private LocalDate fromDate;

    private LocalDate untilDate;

    private String createdById;

    private Instant createdAt;

    protected Cover() {
    }

    public Cover(Section section, String districtId, String teacherId, LocalDate fromDate, LocalDate untilDate,
            String createdById, Instant createdAt) {
        this.districtId = districtId;
        this.schoolId = section.getSchoolId();
        this.sectionId = section.getId();
        this.teacherId = teacherId;
        this.fromDate = fromDate;
        this.untilDate = untilDate;
        this.createdById = createdById;
        this.createdAt = createdAt;
    }

    /** Whether the cover holds on this day of the school's calendar. */
    public boolean isInForceOn(LocalDate day) {
        return !day.isBefore(fromDate) && !day.isAfter(untilDate);
    }

    public String getDistrictId() {
        return districtId;
    }

    public String getSchoolId() {
        return schoolId;
    }

    public String getSectionId() {
        return sectionId;
    }

    public String getTeacherId() {
        return teacherId;
    }

    public LocalDate getFromDate() {
        return fromDate;
    }

    public LocalDate getUntilDate() {
        return untilDate;
    }

    public String getCreatedById() {
        return createdById;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

}
