package org.corridor.nocontact;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface NoContactChangeRepository extends JpaRepository<NoContactChange, String> {

    @Query("""
            select c from NoContactChange c
            where c.districtId = :districtId and (c.studentId = :studentId or c.partnerId = :studentId)
            order by c.changedAt, c.id""")
    List<NoContactChange> ofStudent(String districtId, String studentId);

    @Query("select c from NoContactChange c where c.districtId = :districtId order by c.changedAt, c.id")
    List<NoContactChange> findByDistrictId(String districtId);

}
