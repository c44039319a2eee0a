package org.corridor.pass;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface PassEventRepository extends JpaRepository<PassEvent, String> {

    @Query("select e from PassEvent e where e.passId = :passId and e.districtId = :districtId order by e.occurredAt")
    List<PassEvent> findByPassIdAndDistrictIdOrderByOccurredAtAsc(String passId, String districtId);

    @Query("select max(e.occurredAt) from PassEvent e where e.passId = :passId")
    Optional<Instant> lastOccurredAt(String passId);

}
