package org.corridor.rules;

/** How many passes the requesting student has already had today, in the school's time zone. */
public final class StudentUsage {
    private final String studentId;
    private final int passesToday;

    public StudentUsage(String studentId, int passesToday) {
        this.studentId = studentId;
        this.passesToday = passesToday;
    }

    public String getStudentId() { return studentId; }
    public int getPassesToday() { return passesToday; }
}
