package org.corridor.rules;

import java.time.LocalDate;

/**
 * An exemption written in a student's plan (a medical plan, say): flags of the named rule
 * are not raised for this student from {@code from} to {@code until}, both days included.
 */
public final class Accommodation {

    private final String studentId;

    private final String ruleName;

    private final LocalDate from;

    private final LocalDate until;

    public Accommodation(String studentId, String ruleName, LocalDate from, LocalDate until) {
        this.studentId = studentId;
        this.ruleName = ruleName;
        this.from = from;
        this.until = until;
    }

    public String getStudentId() {
        return studentId;
    }

    public String getRuleName() {
        return ruleName;
    }

    public LocalDate getFrom() {
        return from;
    }

    public LocalDate getUntil() {
        return until;
    }

    public boolean exempts(String rule, LocalDate day) {
        return ruleName.equals(rule) && !day.isBefore(from) && !day.isAfter(until);
    }

}
