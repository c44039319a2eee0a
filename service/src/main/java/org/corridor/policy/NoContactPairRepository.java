package org.corridor.policy;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface NoContactPairRepository extends JpaRepository<NoContactPair, String> {

    @Query("""
            select case when n.studentId = :studentId then n.partnerId else n.studentId end
            from NoContactPair n where n.studentId = :studentId or n.partnerId = :studentId""")
    List<String> partnersOf(String studentId);
}
