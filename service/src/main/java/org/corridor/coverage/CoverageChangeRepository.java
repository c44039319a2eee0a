package org.corridor.coverage;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface CoverageChangeRepository extends JpaRepository<CoverageChange, String> {

    List<CoverageChange> findByDistrictIdAndSectionIdOrderByChangedAtAsc(String districtId, String sectionId);

}
