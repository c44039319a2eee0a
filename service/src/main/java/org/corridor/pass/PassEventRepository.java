package org.corridor.pass;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface PassEventRepository extends JpaRepository<PassEvent, String> {

    @Query("select e from PassEvent e where e.passId = :passId and e.districtId = :districtId order by e.occurredAt")
    List<PassEvent> findByPassIdAndDistrictIdOrderByOccurredAtAsc(String passId, String districtId);

}
