package org.corridor.rules;

/**
 * The school's hallways now: how many students are out on a pass, the requester not
 * counted.
 */
public final class HallStatus {

    private final String schoolId;

    private final int studentsOut;

    public HallStatus(String schoolId, int studentsOut) {
        this.schoolId = schoolId;
        this.studentsOut = studentsOut;
    }

    public String getSchoolId() {
        return schoolId;
    }

    public int getStudentsOut() {
        return studentsOut;
    }

}
