package org.corridor.nocontact;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Entity;

import org.corridor.persistence.Identified;

/**
 * Two students of a district who must not be in the halls at the same time, between two
 * dates (both included; none means open-ended). The smaller id is stored first, so the
 * table's unique key refuses the same two students in either order.
 */
@Entity
public class NoContactPair extends Identified {

    private String districtId;

    private String studentId;

    private String partnerId;

    private String note;

    private LocalDate fromDate;

    private LocalDate untilDate;

    private Instant createdAt;

    protected NoContactPair() {
    }

    public NoContactPair(String districtId, String oneStudentId, String otherStudentId) {
        this(districtId, oneStudentId, otherStudentId, null, null, null, null);
    }

    public NoContactPair(String districtId, String oneStudentId, String otherStudentId, String note, LocalDate fromDate,
            LocalDate untilDate, Instant createdAt) {
        boolean inOrder = oneStudentId.compareTo(otherStudentId) <= 0;
        this.districtId = districtId;
        this.studentId = inOrder ? oneStudentId : otherStudentId;
        this.partnerId = inOrder ? otherStudentId : oneStudentId;
        this.note = note;
        this.fromDate = fromDate;
        this.untilDate = untilDate;
        this.createdAt = createdAt;
    }

    public String getDistrictId() {
        return districtId;
    }

    public String getStudentId() {
        return studentId;
    }

    public String getPartnerId() {
        return partnerId;
    }

    public String getNote() {
        return note;
    }

    public LocalDate getFromDate() {
        return fromDate;
    }

    public LocalDate getUntilDate() {
        return untilDate;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

}
