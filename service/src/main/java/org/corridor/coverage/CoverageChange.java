package org.corridor.coverage;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

import org.corridor.persistence.Identified;
import org.corridor.section.Cover;

/**
 * One line of the coverage history: who added or ended which cover of which class, and
 * when. Never changed.
 */
@Entity
@Table(name = "section_cover_change")
class CoverageChange extends Identified {

    enum Action {

        ADDED, REMOVED

    }

    private String districtId;

    private String schoolId;

    private String coverId;

    private String sectionId;

    @Enumerated(EnumType.STRING)
    private Action action;

    private String actorId;

    private String teacherId;

    private LocalDate fromDate;

    private LocalDate untilDate;

    private Instant changedAt;

    protected CoverageChange() {
    }

    CoverageChange(Cover cover, Action action, String actorId, Instant changedAt) {
        this.districtId = cover.getDistrictId();
        this.schoolId = cover.getSchoolId();
        this.coverId = cover.getId();
        this.sectionId = cover.getSectionId();
        this.action = action;
        this.actorId = actorId;
        this.teacherId = cover.getTeacherId();
        this.fromDate = cover.getFromDate();
        this.untilDate = cover.getUntilDate();
        this.changedAt = changedAt;
    }

    String getCoverId() {
        return coverId;
    }

    String getSectionId() {
        return sectionId;
    }

    Action getAction() {
        return action;
    }

    String getActorId() {
        return actorId;
    }

    String getTeacherId() {
        return teacherId;
    }

    LocalDate getFromDate() {
        return fromDate;
    }

    LocalDate getUntilDate() {
        return untilDate;
    }

    Instant getChangedAt() {
        return changedAt;
    }

}
