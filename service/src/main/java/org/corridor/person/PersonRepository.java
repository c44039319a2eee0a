package org.corridor.person;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface PersonRepository extends JpaRepository<Person, String> {
    List<Person> findByEmailIgnoreCase(String email);

    Optional<Person> findByIdAndDistrictId(String id, String districtId);

    /** A kiosk names the student by number; numbers are unique within a school. */
    Optional<Person> findBySchoolIdAndStudentNumber(String schoolId, String studentNumber);

    /** Numbers are unique within a school only: a district may hold several students with one number. */
    List<Person> findByDistrictIdAndStudentNumber(String districtId, String studentNumber);

    /** The administrators responsible for a school: its own, and the district's (no school). */
    @Query("""
            select p from Person p
            where p.districtId = :districtId and :role member of p.roles
              and (p.schoolId is null or p.schoolId = :schoolId)""")
    List<Person> findResponsibleFor(String districtId, String schoolId, Role role);
}
