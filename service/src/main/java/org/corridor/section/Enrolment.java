package org.corridor.section;

import java.time.LocalDate;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/**
 * A student's place in a section, from the day it begins to the day it ends (null: open
 * ended).
 */
@Embeddable
public class Enrolment {

    @Column(name = "person_id")
    private String studentId;

    private LocalDate beginsOn;

    private LocalDate endsOn;

    protected Enrolment() {
    }

    public Enrolment(String studentId, LocalDate beginsOn, LocalDate endsOn) {
        this.studentId = studentId;
        this.beginsOn = beginsOn;
        this.endsOn = endsOn;
    }

    public String getStudentId() {
        return studentId;
    }

    public LocalDate getBeginsOn() {
        return beginsOn;
    }

    public LocalDate getEndsOn() {
        return endsOn;
    }

    public boolean hasBegunBy(LocalDate day) {
        return beginsOn == null || !day.isBefore(beginsOn);
    }

    public boolean hasEndedBy(LocalDate day) {
        return endsOn != null && day.isAfter(endsOn);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Enrolment that && studentId.equals(that.studentId)
                && Objects.equals(beginsOn, that.beginsOn) && Objects.equals(endsOn, that.endsOn);
    }

    @Override
    public int hashCode() {
        return studentId.hashCode();
    }

}
