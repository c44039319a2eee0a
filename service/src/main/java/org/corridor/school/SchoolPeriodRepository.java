package org.corridor.school;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface SchoolPeriodRepository extends JpaRepository<SchoolPeriod, String> {

    /** The school's bell schedule, earliest first. */
    @Query("select p from SchoolPeriod p where p.schoolId = :schoolId order by p.startsAt, p.name")
    List<SchoolPeriod> findBySchoolIdOrderByStartsAtAscNameAsc(String schoolId);

}
