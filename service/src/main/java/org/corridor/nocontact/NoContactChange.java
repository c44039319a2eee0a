package org.corridor.nocontact;

import java.time.Instant;

import jakarta.persistence.Entity;

import org.corridor.persistence.HistoryLine;

/**
 * One line of the no-contact history: who added or removed which pair, and when.
 */
@Entity
class NoContactChange extends HistoryLine {

    private String pairId;

    private String studentId;

    private String partnerId;

    protected NoContactChange() {
    }

    NoContactChange(NoContactPair pair, Action action, String actorId, Instant changedAt) {
        super(pair.getDistrictId(), action, actorId, pair.getFromDate(), pair.getUntilDate(), changedAt);
        this.pairId = pair.getId();
        this.studentId = pair.getStudentId();
        this.partnerId = pair.getPartnerId();
    }

    String getPairId() {
        return pairId;
    }

    String getStudentId() {
        return studentId;
    }

    String getPartnerId() {
        return partnerId;
    }

}
