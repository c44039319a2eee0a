package org.corridor.policy;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

public interface RuleSetRepository extends JpaRepository<RuleSet, String> {
    Optional<RuleSet> findByDistrictIdAndStatus(String districtId, RuleSetStatus status);
}
