package org.corridor.section;

import java.util.HashSet;
import java.util.Set;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.JoinColumn;

import org.corridor.persistence.Identified;

/**
 * A class as the roster knows it: one period, one room, one main teacher who receives the requests,
 * co-teachers who do not, and the enrolled students.
 */
@Entity
public class Section extends Identified {
    private String schoolId;
    private String periodId;
    private String roomId;
    private String mainTeacherId;
    private String name;

    @ElementCollection
    @CollectionTable(name = "section_co_teacher", joinColumns = @JoinColumn(name = "section_id"))
    @Column(name = "person_id")
    private Set<String> coTeacherIds = new HashSet<>();

    @ElementCollection
    @CollectionTable(name = "section_student", joinColumns = @JoinColumn(name = "section_id"))
    @Column(name = "person_id")
    private Set<String> studentIds = new HashSet<>();

    protected Section() {
    }

    public Section(String schoolId, String periodId, String roomId, String mainTeacherId, String name) {
        this.schoolId = schoolId;
        this.periodId = periodId;
        this.roomId = roomId;
        this.mainTeacherId = mainTeacherId;
        this.name = name;
    }

    public Section withCoTeacher(String personId) {
        coTeacherIds.add(personId);
        return this;
    }

    public Section enrol(String studentId) {
        studentIds.add(studentId);
        return this;
    }

    public String getSchoolId() { return schoolId; }
    public String getPeriodId() { return periodId; }
    public String getRoomId() { return roomId; }
    public String getMainTeacherId() { return mainTeacherId; }
    public String getName() { return name; }
    public Set<String> getCoTeacherIds() { return Set.copyOf(coTeacherIds); }

    public boolean hasStudent(String personId) {
        return studentIds.contains(personId);
    }

    public boolean isTaughtBy(String personId) {
        return mainTeacherId.equals(personId) || coTeacherIds.contains(personId);
    }
}
