package org.corridor.pass;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

public interface PassEventRepository extends JpaRepository<PassEvent, String> {
    List<PassEvent> findByPassIdAndDistrictIdOrderByOccurredAtAsc(String passId, String districtId);
}
