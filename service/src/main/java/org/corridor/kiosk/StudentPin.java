package org.corridor.kiosk;

import java.time.Instant;

import jakarta.persistence.Entity;

import org.corridor.persistence.Identified;

/**
 * A student's kiosk PIN, as a {@code PasswordEncoder} hash: a database copy does not give
 * the PINs away, and each is salted on its own.
 */
@Entity
class StudentPin extends Identified {

    private String districtId;

    private String studentId;

    private String pinHash;

    private Instant setAt;

    private String setById;

    protected StudentPin() {
    }

    StudentPin(String districtId, String studentId) {
        this.districtId = districtId;
        this.studentId = studentId;
    }

    void set(String pinHash, String setById, Instant now) {
        this.pinHash = pinHash;
        this.setById = setById;
        this.setAt = now;
    }

    String getDistrictId() {
        return districtId;
    }

    String getStudentId() {
        return studentId;
    }

    String getPinHash() {
        return pinHash;
    }

    Instant getSetAt() {
        return setAt;
    }

}
