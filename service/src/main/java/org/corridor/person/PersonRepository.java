package org.corridor.person;

import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/*
 * Emails are looked up by their key (Person.emailKey), the caller lower-casing the email: an equality on
 * the column uses its index, and Hibernate keeps the query's plan. A function around the column (upper(p.email))
 * reads the whole table; one around the parameter (lower(:email)), or a derived query (findByEmailIgnoreCase),
 * makes Hibernate 6.6 translate the query again on every call.
 */
public interface PersonRepository extends JpaRepository<Person, String> {

    /** The people with this email key, without their roles. */
    @Query("select p from Person p where p.emailKey = :emailKey")
    List<Person> findByEmailKey(String emailKey);

    /*
     * Every API call reads its caller fresh, and a password sign-in reads the account:
     * one row and its roles, in one statement. Outside a transaction they run in none (a
     * single statement reads a consistent row): a transaction of their own would cost
     * five more statements on MariaDB (autocommit off, read only, commit, read write,
     * autocommit on) for each call. Inside one they join it.
     */

    /** The person with their roles, by id: the caller of an API call. */
    @Transactional(propagation = Propagation.SUPPORTS)
    @Query("select p from Person p left join fetch p.roles where p.id = :id")
    Optional<Person> findWithRoles(String id);

    @Query("select p from Person p where p.id = :id and p.districtId = :districtId")
    Optional<Person> findByIdAndDistrictId(String id, String districtId);

    /** A kiosk names the student by number; numbers are unique within a school. */
    @Query("select p from Person p where p.schoolId = :schoolId and p.studentNumber = :studentNumber")
    Optional<Person> findBySchoolIdAndStudentNumber(String schoolId, String studentNumber);

    /**
     * Numbers are unique within a school only: a district may hold several students with
     * one number.
     */
    @Query("select p from Person p where p.districtId = :districtId and p.studentNumber = :studentNumber")
    List<Person> findByDistrictIdAndStudentNumber(String districtId, String studentNumber);

    /**
     * The people of a role responsible for a school: its own, and the district's (no
     * school); not those removed from the roster.
     */
    @Query("""
            select p from Person p
            where p.districtId = :districtId and p.removedAt is null and :role member of p.roles
              and (p.schoolId is null or p.schoolId = :schoolId)""")
    List<Person> findResponsibleFor(String districtId, String schoolId, Role role);

    /**
     * A school's staff: its teachers and administrators, the district's administrators
     * (no school), and every teacher who teaches one of its classes (a district-level
     * teacher of no school, or another school's, as main or co-teacher); not those
     * removed from the roster.
     */
    @Query("""
            select p from Person p
            where p.districtId = :districtId and p.removedAt is null
              and ((:teacher member of p.roles
                    and (p.schoolId = :schoolId
                         or exists (select 1 from Section s
                                    where s.schoolId = :schoolId and s.removedAt is null
                                      and (s.mainTeacherId = p.id or p.id member of s.coTeacherIds))))
                   or (:admin member of p.roles and (p.schoolId is null or p.schoolId = :schoolId)))""")
    List<Person> findStaffOf(String districtId, String schoolId, Role teacher, Role admin);

    /**
     * The district's people of a role whose name starts with {@code prefix} (lower case,
     * given or family name, or the name they go by) or whose student number is
     * {@code number}: a search box.
     */
    @Query("""
            select p from Person p
            where p.districtId = :districtId and p.removedAt is null and :role member of p.roles
              and (lower(p.givenName) like :prefix escape '!' or lower(p.familyName) like :prefix escape '!'
                   or lower(p.displayName) like :prefix escape '!' or p.studentNumber = :number)
            order by p.familyName, p.givenName""")
    List<Person> search(String districtId, Role role, String prefix, String number, Pageable page);

}
