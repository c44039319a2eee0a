package org.corridor.policy;

import java.time.LocalDate;

import jakarta.persistence.Entity;

import org.corridor.persistence.Identified;

/** A student's exemption from one named rule, between two dates (both included). */
@Entity
public class Accommodation extends Identified {

    private String districtId;

    private String studentId;

    private String ruleName;

    private LocalDate fromDate;

    private LocalDate untilDate;

    private String note;

    protected Accommodation() {
    }

    public Accommodation(String districtId, String studentId, String ruleName, LocalDate fromDate, LocalDate untilDate,
            String note) {
        this.districtId = districtId;
        this.studentId = studentId;
        this.ruleName = ruleName;
        this.fromDate = fromDate;
        this.untilDate = untilDate;
        this.note = note;
    }

    /** New dates, rule or note; the caller has checked that the dates are in order. */
    void change(String ruleName, LocalDate fromDate, LocalDate untilDate, String note) {
        this.ruleName = ruleName;
        this.fromDate = fromDate;
        this.untilDate = untilDate;
        this.note = note;
    }

    /** Ends the exemption before {@code day}: it no longer applies on that day. */
    void endBefore(LocalDate day) {
        untilDate = day.minusDays(1);
    }

    public String getDistrictId() {
        return districtId;
    }

    public String getStudentId() {
        return studentId;
    }

    public String getNote() {
        return note;
    }

    public String getRuleName() {
        return ruleName;
    }

    public LocalDate getFromDate() {
        return fromDate;
    }

    public LocalDate getUntilDate() {
        return untilDate;
    }

    org.corridor.rules.Accommodation toFact() {
        return new org.corridor.rules.Accommodation(studentId, ruleName, fromDate, untilDate);
    }

}
