package org.corridor.school;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

public interface SchoolRepository extends JpaRepository<School, String> {
    Optional<School> findByIdAndDistrictId(String id, String districtId);
}
