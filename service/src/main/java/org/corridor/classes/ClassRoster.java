package org.corridor.classes;

import java.util.Collection;
import java.util.List;

import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

import org.corridor.person.Person;
import org.corridor.section.Section;

/** A teacher's sections and who is enrolled in them, read for several sections at once (whatever the class size). */
interface ClassRoster extends Repository<Section, String> {

    /** The sections the teacher teaches, as main teacher or co-teacher. */
    @Query("select s from Section s where s.mainTeacherId = :teacherId or :teacherId member of s.coTeacherIds")
    List<Section> taughtBy(String teacherId);

    record Enrolment(String sectionId, String studentId) {
    }

    @Query("""
            select new org.corridor.classes.ClassRoster$Enrolment(s.id, studentId)
            from Section s join s.studentIds studentId
            where s.id in :sectionIds""")
    List<Enrolment> enrolments(Collection<String> sectionIds);

    /** The people themselves, roles fetched in the same query (they are eager: one query per person otherwise). */
    @Query("select distinct p from Person p left join fetch p.roles where p.id in :ids and p.districtId = :districtId")
    List<Person> people(Collection<String> ids, String districtId);
}
