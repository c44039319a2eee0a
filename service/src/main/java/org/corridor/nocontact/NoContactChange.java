package org.corridor.nocontact;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

import org.corridor.persistence.Identified;

/**
 * One line of the no-contact history: who added or removed which pair, and when. Never
 * changed.
 */
@Entity
class NoContactChange extends Identified {

    enum Action {

        ADDED, REMOVED

    }

    private String districtId;

    private String pairId;

    @Enumerated(EnumType.STRING)
    private Action action;

    private String actorId;

    private String studentId;

    private String partnerId;

    private LocalDate fromDate;

    private LocalDate untilDate;

    private Instant changedAt;

    protected NoContactChange() {
    }

    NoContactChange(NoContactPair pair, Action action, String actorId, Instant changedAt) {
        this.districtId = pair.getDistrictId();
        this.pairId = pair.getId();
        this.action = action;
        this.actorId = actorId;
        this.studentId = pair.getStudentId();
        this.partnerId = pair.getPartnerId();
        this.fromDate = pair.getFromDate();
        this.untilDate = pair.getUntilDate();
        this.changedAt = changedAt;
    }

    String getPairId() {
        return pairId;
    }

    Action getAction() {
        return action;
    }

    String getActorId() {
        return actorId;
    }

    String getStudentId() {
        return studentId;
    }

    String getPartnerId() {
        return partnerId;
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
