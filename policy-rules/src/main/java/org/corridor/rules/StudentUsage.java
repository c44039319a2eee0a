package org.corridor.rules;

/**
 * What the requesting student has already used, counting only the pass types the district
 * counts (a district setting). "Today" and "this week" are read in the school's time
 * zone; the week starts on Monday. {@code minutesSinceLastPass} is {@link #NO_PASS_YET}
 * when the student has had none today.
 */
public final class StudentUsage {

    public static final int NO_PASS_YET = Integer.MAX_VALUE;

    private final String studentId;

    private final int passesToday;

    private final int passesThisWeek;

    private final int minutesSinceLastPass;

    public StudentUsage(String studentId, int passesToday, int passesThisWeek, int minutesSinceLastPass) {
        this.studentId = studentId;
        this.passesToday = passesToday;
        this.passesThisWeek = passesThisWeek;
        this.minutesSinceLastPass = minutesSinceLastPass;
    }

    public String getStudentId() {
        return studentId;
    }

    public int getPassesToday() {
        return passesToday;
    }

    public int getPassesThisWeek() {
        return passesThisWeek;
    }

    public int getMinutesSinceLastPass() {
        return minutesSinceLastPass;
    }

}
