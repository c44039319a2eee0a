package org.corridor.policy;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface RuleSetRepository extends JpaRepository<RuleSet, String> {

    @Query("select r from RuleSet r where r.districtId = :districtId and r.status = :status")
    Optional<RuleSet> findByDistrictIdAndStatus(String districtId, RuleSetStatus status);

    @Query("select r from RuleSet r where r.status = :status")
    List<RuleSet> findByStatus(RuleSetStatus status);

    /**
     * Only the id: a compiled version is kept by id, so its rules need not be read for
     * every pass.
     */
    @Query("select r.id from RuleSet r where r.districtId = :districtId and r.status = :status")
    Optional<String> idOf(String districtId, RuleSetStatus status);

    @Query("select r from RuleSet r where r.districtId = :districtId and r.ruleVersion = :ruleVersion")
    Optional<RuleSet> findByDistrictIdAndRuleVersion(String districtId, int ruleVersion);

    @Query("select r from RuleSet r where r.districtId = :districtId order by r.ruleVersion desc")
    List<RuleSet> findByDistrictIdOrderByRuleVersionDesc(String districtId);

    @Query("select coalesce(max(r.ruleVersion), 0) from RuleSet r where r.districtId = :districtId")
    int latestVersion(String districtId);

}
