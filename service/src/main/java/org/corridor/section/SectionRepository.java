package org.corridor.section;

import java.time.LocalDate;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface SectionRepository extends JpaRepository<Section, String> {

    /**
     * Every section of the school the student has an enrolment in, whatever its dates,
     * removed ones included, with the student's enrolment, the main teacher, the room and
     * the cover in force on the day (a class has at most one), in one statement.
     */
    @Query("""
            select new org.corridor.section.EnrolledSection(s, e.studentId, e.beginsOn, e.endsOn, t, r, c)
            from Section s join s.enrolments e
                 left join Person t on t.id = s.mainTeacherId left join Location r on r.id = s.roomId
                 left join Cover c on c.sectionId = s.id and c.fromDate <= :day and c.untilDate >= :day
            where e.studentId = :studentId and s.schoolId = :schoolId""")
    List<EnrolledSection> findEnrolling(String studentId, String schoolId, LocalDate day);

    /**
     * The period names of the same sections, each with the school's bell period of that
     * name (null: none), as rows of section id, period name and period: the bell schedule
     * a request needs, in the same statement.
     */
    @Query("""
            select s.id, n, sp from Section s join s.enrolments e join s.periodNames n
                 left join SchoolPeriod sp on sp.schoolId = s.schoolId and sp.name = n
            where e.studentId = :studentId and s.schoolId = :schoolId""")
    List<Object[]> periodsOfEnrolling(String studentId, String schoolId);

}
