package org.corridor.emergency;

import java.util.List;

import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

import org.corridor.person.Person;
import org.corridor.person.Role;

/** Who is told of an emergency at a school (school.EmergencyEmails). */
interface SchoolStaff extends Repository<Person, String> {

    /** The school's teachers and administrators, and the district's administrators. */
    @Query("""
            select p from Person p
            where p.districtId = :districtId and p.removedAt is null
              and ((:teacher member of p.roles and p.schoolId = :schoolId)
                   or (:admin member of p.roles and (p.schoolId is null or p.schoolId = :schoolId)))""")
    List<Person> allStaff(String districtId, String schoolId, Role teacher, Role admin);

    /** The school's and the district's administrators. */
    @Query("""
            select p from Person p
            where p.districtId = :districtId and p.removedAt is null and :admin member of p.roles
              and (p.schoolId is null or p.schoolId = :schoolId)""")
    List<Person> administrators(String districtId, String schoolId, Role admin);

}
