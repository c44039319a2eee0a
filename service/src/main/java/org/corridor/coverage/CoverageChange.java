package org.corridor.coverage;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import org.corridor.persistence.HistoryLine;
import org.corridor.section.Cover;

/**
 * One line of the coverage history: who added or ended which cover of which class, and
 * when.
 */
@Entity
@Table(name = "section_cover_change")
class CoverageChange extends HistoryLine {

    private String schoolId;

    private String coverId;

    private String sectionId;

    private String teacherId;

    protected CoverageChange() {
    }

    CoverageChange(Cover cover, Action action, String actorId, Instant changedAt) {
        super(cover.getDistrictId(), action, actorId, cover.getFromDate(), cover.getUntilDate(), changedAt);
        this.schoolId = cover.getSchoolId();
        this.coverId = cover.getId();
        this.sectionId = cover.getSectionId();
        this.teacherId = cover.getTeacherId();
    }

    String getCoverId() {
        return coverId;
    }

    String getSectionId() {
        return sectionId;
    }

    String getTeacherId() {
        return teacherId;
    }

}
