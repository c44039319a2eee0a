package org.corridor.emergency;

import java.time.Instant;

import jakarta.persistence.Entity;

import org.corridor.persistence.Identified;

/**
 * One emergency end-all of a school: who declared it and when, how many passes it ended,
 * who cleared it.
 */
@Entity
public class SchoolEmergency extends Identified {

    private String districtId;

    private String schoolId;

    private Instant declaredAt;

    private String declaredById;

    private String onBehalfOfId;

    private int passesEnded;

    private Instant clearedAt;

    private String clearedById;

    protected SchoolEmergency() {
    }

    SchoolEmergency(String districtId, String schoolId, Instant declaredAt, String declaredById, String onBehalfOfId) {
        this.districtId = districtId;
        this.schoolId = schoolId;
        this.declaredAt = declaredAt;
        this.declaredById = declaredById;
        this.onBehalfOfId = onBehalfOfId;
    }

    void recordPassesEnded(int count) {
        this.passesEnded = count;
    }

    void clear(Instant at, String byId) {
        this.clearedAt = at;
        this.clearedById = byId;
    }

    public String getDistrictId() {
        return districtId;
    }

    public String getSchoolId() {
        return schoolId;
    }

    public Instant getDeclaredAt() {
        return declaredAt;
    }

    public String getDeclaredById() {
        return declaredById;
    }

    public String getOnBehalfOfId() {
        return onBehalfOfId;
    }

    public int getPassesEnded() {
        return passesEnded;
    }

    public Instant getClearedAt() {
        return clearedAt;
    }

    public String getClearedById() {
        return clearedById;
    }

}
