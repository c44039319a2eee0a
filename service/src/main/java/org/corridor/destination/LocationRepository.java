package org.corridor.destination;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

public interface LocationRepository extends JpaRepository<Location, String> {
    List<Location> findBySchoolIdAndDestinationTrueOrderByName(String schoolId);

    Optional<Location> findByIdAndSchoolId(String id, String schoolId);
}
