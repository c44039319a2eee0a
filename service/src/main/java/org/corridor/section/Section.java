package org.corridor.section;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.JoinColumn;

import org.corridor.persistence.Identified;
import org.corridor.school.SchoolPeriod;

/**
 * A class as the roster knows it: the periods it meets in (by name, matched against the
 * school's bell schedule when a student asks), its term, an optional room, one main
 * teacher who receives the requests, co-teachers who do not, and the enrolled students
 * with their dates. A section removed from the roster stops routing but stays for the
 * passes that left it.
 */
@Entity
public class Section extends Identified {

    private String schoolId;

    private String roomId;

    private String mainTeacherId;

    private String name;

    private String sourceId;

    private LocalDate termStartsOn;

    private LocalDate termEndsOn;

    private Instant removedAt;

    @ElementCollection
    @CollectionTable(name = "section_period", joinColumns = @JoinColumn(name = "section_id"))
    @Column(name = "period_name")
    private Set<String> periodNames = new HashSet<>();

    @ElementCollection
    @CollectionTable(name = "section_co_teacher", joinColumns = @JoinColumn(name = "section_id"))
    @Column(name = "person_id")
    private Set<String> coTeacherIds = new HashSet<>();

    @ElementCollection
    @CollectionTable(name = "section_student", joinColumns = @JoinColumn(name = "section_id"))
    private Set<Enrolment> enrolments = new HashSet<>();

    protected Section() {
    }

    /**
     * A section meeting in one period of the bell schedule, named as the schedule names
     * it.
     */
    public Section(String schoolId, String periodName, String roomId, String mainTeacherId, String name) {
        this.schoolId = schoolId;
        this.periodNames.add(periodName);
        this.roomId = roomId;
        this.mainTeacherId = mainTeacherId;
        this.name = name;
    }

    public Section(String schoolId, SchoolPeriod period, String roomId, String mainTeacherId, String name) {
        this(schoolId, period.getName(), roomId, mainTeacherId, name);
    }

    public Section withCoTeacher(String personId) {
        coTeacherIds.add(personId);
        return this;
    }

    /** Enrols the student with no start or end date. */
    public Section enrol(String studentId) {
        return enrol(studentId, null, null);
    }

    public Section enrol(String studentId, LocalDate beginsOn, LocalDate endsOn) {
        enrolments.removeIf(e -> e.getStudentId().equals(studentId));
        enrolments.add(new Enrolment(studentId, beginsOn, endsOn));
        return this;
    }

    public Section meetingAlsoIn(String periodName) {
        periodNames.add(periodName);
        return this;
    }

    public Section inTerm(LocalDate startsOn, LocalDate endsOn) {
        this.termStartsOn = startsOn;
        this.termEndsOn = endsOn;
        return this;
    }

    /**
     * Sets what an administrator set in the console: the periods the class meets in, its
     * room and its main teacher (a main teacher who was a co-teacher is one no more).
     */
    public void setByAdministrator(Set<String> periods, String roomId, String mainTeacherId) {
        this.periodNames.clear();
        this.periodNames.addAll(periods);
        this.roomId = roomId;
        this.mainTeacherId = mainTeacherId;
        this.coTeacherIds.remove(mainTeacherId);
    }

    public String getSchoolId() {
        return schoolId;
    }

    /** The room the class meets in, or null when the roster names none. */
    public String getRoomId() {
        return roomId;
    }

    /** Who receives the class's requests, or null when the roster names no teacher. */
    public String getMainTeacherId() {
        return mainTeacherId;
    }

    public String getName() {
        return name;
    }

    /**
     * The OneRoster sourcedId of an imported class; null for sections made in Corridor.
     */
    public String getSourceId() {
        return sourceId;
    }

    public LocalDate getTermStartsOn() {
        return termStartsOn;
    }

    public LocalDate getTermEndsOn() {
        return termEndsOn;
    }

    public Instant getRemovedAt() {
        return removedAt;
    }

    public Set<String> getCoTeacherIds() {
        return Set.copyOf(coTeacherIds);
    }

    /** The bell-schedule period names the class meets in, sorted. */
    public Set<String> getPeriodNames() {
        return new TreeSet<>(periodNames);
    }

    public boolean isRemoved() {
        return removedAt != null;
    }

    public boolean hasStudent(String personId) {
        return enrolment(personId).isPresent();
    }

    public Optional<Enrolment> enrolment(String studentId) {
        return enrolments.stream().filter(e -> e.getStudentId().equals(studentId)).findFirst();
    }

    public boolean isTaughtBy(String personId) {
        return Objects.equals(mainTeacherId, personId) || coTeacherIds.contains(personId);
    }

    public boolean termHasStartedBy(LocalDate day) {
        return termStartsOn == null || !day.isBefore(termStartsOn);
    }

    public boolean termHasEndedBy(LocalDate day) {
        return termEndsOn != null && day.isAfter(termEndsOn);
    }

}
