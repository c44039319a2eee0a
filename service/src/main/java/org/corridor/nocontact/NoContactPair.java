package org.corridor.policy;

import jakarta.persistence.Entity;

import org.corridor.persistence.Identified;

/** Two students of a district who must not be in the halls at the same time. */
@Entity
public class NoContactPair extends Identified {
    private String districtId;
    private String studentId;
    private String partnerId;

    protected NoContactPair() {
    }

    public NoContactPair(String districtId, String studentId, String partnerId) {
        this.districtId = districtId;
        this.studentId = studentId;
        this.partnerId = partnerId;
    }

    public String getDistrictId() { return districtId; }
    public String getStudentId() { return studentId; }
    public String getPartnerId() { return partnerId; }
}
