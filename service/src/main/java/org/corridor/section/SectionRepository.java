package org.corridor.section;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface SectionRepository extends JpaRepository<Section, String> {

    /**
     * Every section of the school the student has an enrolment in, whatever its dates,
     * removed ones included, with the student's enrolment, the main teacher and the room,
     * in one statement.
     */
    @Query("""
            select new org.corridor.section.EnrolledSection(s, e.studentId, e.beginsOn, e.endsOn, t, r)
            from Section s join s.enrolments e
                 left join Person t on t.id = s.mainTeacherId left join Location r on r.id = s.roomId
            where e.studentId = :studentId and s.schoolId = :schoolId""")
    List<EnrolledSection> findEnrolling(String studentId, String schoolId);

    /** The period names of the same sections, as rows of section id and period name. */
    @Query("""
            select s.id, n from Section s join s.enrolments e join s.periodNames n
            where e.studentId = :studentId and s.schoolId = :schoolId""")
    List<Object[]> periodNamesOfEnrolling(String studentId, String schoolId);

}
