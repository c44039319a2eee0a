package org.corridor.policy;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface AccommodationRepository extends JpaRepository<Accommodation, String> {

    @Query("select a from Accommodation a where a.studentId = :studentId and a.districtId = :districtId order by a.fromDate")
    List<Accommodation> findByStudentIdAndDistrictIdOrderByFromDate(String studentId, String districtId);

    @Query("select a from Accommodation a where a.districtId = :districtId order by a.untilDate desc, a.fromDate")
    List<Accommodation> findByDistrictId(String districtId);

    @Query("select a from Accommodation a where a.id = :id and a.districtId = :districtId")
    Optional<Accommodation> findByIdAndDistrictId(String id, String districtId);

    @Query("select a from Accommodation a where a.studentId = :studentId and a.fromDate <= :day and a.untilDate >= :day")
    List<Accommodation> inForce(String studentId, LocalDate day);

}
