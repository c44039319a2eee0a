package org.corridor.school;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface SchoolRepository extends JpaRepository<School, String> {

    @Query("select s from School s where s.id = :id and s.districtId = :districtId")
    Optional<School> findByIdAndDistrictId(String id, String districtId);

    @Query("select s from School s where s.districtId = :districtId order by s.name, s.id")
    List<School> findByDistrictIdOrderByName(String districtId);

}
