package org.corridor.nocontact;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface NoContactPairRepository extends JpaRepository<NoContactPair, String> {

    @Query("select n from NoContactPair n where n.id = :id and n.districtId = :districtId")
    Optional<NoContactPair> findByIdAndDistrictId(String id, String districtId);

    @Query("select n from NoContactPair n where n.districtId = :districtId order by n.createdAt, n.id")
    List<NoContactPair> findByDistrictId(String districtId);

    @Query("""
            select n from NoContactPair n
            where n.districtId = :districtId and (n.studentId = :studentId or n.partnerId = :studentId)
            order by n.createdAt, n.id""")
    List<NoContactPair> ofStudent(String districtId, String studentId);

    /** The pair of these two students, whichever was given first. */
    @Query("select n from NoContactPair n where n.studentId = :studentId and n.partnerId = :partnerId")
    Optional<NoContactPair> findByStudentIdAndPartnerId(String studentId, String partnerId);

}
