package org.corridor.person;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

public interface PersonRepository extends JpaRepository<Person, String> {
    List<Person> findByEmailIgnoreCase(String email);

    Optional<Person> findByIdAndDistrictId(String id, String districtId);
}
