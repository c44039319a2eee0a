package org.corridor.emergency;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface SchoolEmergencyRepository extends JpaRepository<SchoolEmergency, String> {

    @Query("select e from SchoolEmergency e where e.schoolId = :schoolId order by e.declaredAt desc limit 20")
    List<SchoolEmergency> findTop20BySchoolIdOrderByDeclaredAtDesc(String schoolId);

}
