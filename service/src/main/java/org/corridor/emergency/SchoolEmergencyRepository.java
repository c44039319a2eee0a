package org.corridor.emergency;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface SchoolEmergencyRepository extends JpaRepository<SchoolEmergency, String> {
    List<SchoolEmergency> findTop20BySchoolIdOrderByDeclaredAtDesc(String schoolId);
}
