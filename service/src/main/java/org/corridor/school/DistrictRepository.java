package org.corridor.school;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface DistrictRepository extends JpaRepository<District, String> {

    @Query("select d from District d where d.name = :name")
    Optional<District> findByName(String name);

}
