package org.corridor.roster;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import jakarta.persistence.EntityManager;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.corridor.person.Person;
import org.corridor.person.Role;
import org.corridor.school.ManagedSchools;
import org.corridor.school.School;
import org.corridor.school.SchoolPeriod;
import org.corridor.school.SchoolPeriodRepository;
import org.corridor.security.Caller;

/**
 * What keeps a school's roster from routing, in one place: classes that meet in no period
 * of the bell schedule (so no request can leave them), with no room, no main teacher
 * (nobody receives their requests) or no students; and students in no class. Classes and
 * students the roster removed are left out.
 */
@Service
public class RosterGaps {

    /** Why a class cannot route, or routes to nobody. */
    public enum Gap {

        NO_PERIOD_IN_SCHEDULE, NO_ROOM, NO_MAIN_TEACHER, NO_STUDENTS

    }

    public record ClassGaps(String id, String name, String sourceId, Set<String> periods,
            Set<String> periodsNotInSchedule, List<Gap> gaps) {
    }

    public record StudentRef(String id, String name, String studentNumber) {
    }

    public record Report(String schoolId, int classes, List<ClassGaps> classesWithGaps,
            List<StudentRef> studentsInNoClass) {
    }

    private final ManagedSchools schools;

    private final SchoolPeriodRepository periods;

    private final EntityManager entityManager;

    RosterGaps(ManagedSchools schools, SchoolPeriodRepository periods, EntityManager entityManager) {
        this.schools = schools;
        this.periods = periods;
        this.entityManager = entityManager;
    }

    @Transactional(readOnly = true)
    public Report of(Caller caller, String schoolId) {
        caller.require(Role.ADMIN, "read the roster's gaps");
        School school = schools.find(caller, schoolId);
        Set<String> scheduled = periods.findBySchoolIdOrderByStartsAtAscNameAsc(school.getId())
            .stream()
            .map(SchoolPeriod::getName)
            .collect(Collectors.toSet());
        // Three statements whatever the school's size: the classes with their counts,
        // their periods, the students.
        List<Object[]> classes = entityManager.createQuery("""
                select s.id, s.name, s.sourceId, s.roomId, s.mainTeacherId,
                  (select count(e.studentId) from Section c join c.enrolments e where c.id = s.id)
                from Section s where s.schoolId = :schoolId and s.removedAt is null
                order by s.name, s.id""", Object[].class).setParameter("schoolId", school.getId()).getResultList();
        Map<String, Set<String>> periodsOf = new HashMap<>();
        entityManager.createQuery("""
                select s.id, n from Section s join s.periodNames n
                where s.schoolId = :schoolId and s.removedAt is null""", Object[].class)
            .setParameter("schoolId", school.getId())
            .getResultList()
            .forEach(row -> periodsOf.computeIfAbsent((String) row[0], k -> new TreeSet<>()).add((String) row[1]));
        List<ClassGaps> withGaps = new ArrayList<>();
        for (Object[] row : classes) {
            Set<String> meets = periodsOf.getOrDefault((String) row[0], new TreeSet<>());
            Set<String> unscheduled = meets.stream()
                .filter(p -> !scheduled.contains(p))
                .collect(Collectors.toCollection(TreeSet::new));
            List<Gap> gaps = new ArrayList<>();
            if (meets.size() == unscheduled.size()) {
                gaps.add(Gap.NO_PERIOD_IN_SCHEDULE);
            }
            if (row[3] == null) {
                gaps.add(Gap.NO_ROOM);
            }
            if (row[4] == null) {
                gaps.add(Gap.NO_MAIN_TEACHER);
            }
            if (((Number) row[5]).longValue() == 0) {
                gaps.add(Gap.NO_STUDENTS);
            }
            if (!gaps.isEmpty()) {
                withGaps
                    .add(new ClassGaps((String) row[0], (String) row[1], (String) row[2], meets, unscheduled, gaps));
            }
        }
        List<StudentRef> unplaced = entityManager.createQuery("""
                select p from Person p
                where p.schoolId = :schoolId and p.removedAt is null and :student member of p.roles
                  and not exists (select 1 from Section s join s.enrolments e
                                  where e.studentId = p.id and s.removedAt is null)
                order by p.familyName, p.givenName, p.id""", Person.class)
            .setParameter("schoolId", school.getId())
            .setParameter("student", Role.STUDENT)
            .getResultList()
            .stream()
            .map(p -> new StudentRef(p.getId(), p.getName(), p.getStudentNumber()))
            .toList();
        return new Report(school.getId(), classes.size(), withGaps, unplaced);
    }

}
