package org.corridor.school;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

public interface SchoolPeriodRepository extends JpaRepository<SchoolPeriod, String> {
    /** The school's bell schedule, earliest first. */
    List<SchoolPeriod> findBySchoolIdOrderByStartsAtAscNameAsc(String schoolId);
}
