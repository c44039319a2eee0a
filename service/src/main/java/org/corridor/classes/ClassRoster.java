package org.corridor.classes;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

import org.corridor.person.Person;
import org.corridor.section.Section;

/**
 * A teacher's sections and who is enrolled in them, read for several sections at once
 * (whatever the class size).
 */
interface ClassRoster extends Repository<Section, String> {

    /**
     * The sections the teacher teaches, as main teacher or co-teacher, that the roster
     * has not removed.
     */
    @Query("""
            select s from Section s
            where (s.mainTeacherId = :teacherId or :teacherId member of s.coTeacherIds) and s.removedAt is null""")
    List<Section> taughtBy(String teacherId);

    /**
     * The sections the teacher covers on the day (a substitute), that the roster has not
     * removed.
     */
    @Query("""
            select s from Section s, Cover c
            where c.sectionId = s.id and c.teacherId = :teacherId and c.fromDate <= :day and c.untilDate >= :day
              and s.removedAt is null""")
    List<Section> coveredBy(String teacherId, LocalDate day);

    record Enrolment(String sectionId, String studentId) {
    }

    /** The students enrolled on the day: an enrolment without dates is open ended. */
    @Query("""
            select new org.corridor.classes.ClassRoster$Enrolment(s.id, e.studentId)
            from Section s join s.enrolments e
            where s.id in :sectionIds
              and (e.beginsOn is null or e.beginsOn <= :day) and (e.endsOn is null or e.endsOn >= :day)""")
    List<Enrolment> enrolments(Collection<String> sectionIds, LocalDate day);

    /**
     * The people themselves, roles fetched in the same query (they are eager: one query
     * per person otherwise); people removed from the roster are left out.
     */
    @Query("""
            select distinct p from Person p left join fetch p.roles
            where p.id in :ids and p.districtId = :districtId and p.removedAt is null""")
    List<Person> people(Collection<String> ids, String districtId);

}
