package org.corridor.policy;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

import org.corridor.persistence.Identified;

/**
 * One version of a district's policy, as DRL. Exactly one version per district is ACTIVE.
 */
@Entity
public class RuleSet extends Identified {

    private String districtId;

    private int ruleVersion;

    @Enumerated(EnumType.STRING)
    private RuleSetStatus status;

    private String drl;

    private String authorId;

    private String note;

    private Instant createdAt;

    private Instant activatedAt;

    protected RuleSet() {
    }

    /**
     * A version that is active from the moment it is stored: a district's first rule set.
     */
    public static RuleSet active(String districtId, int ruleVersion, String drl, String authorId, String note,
            Instant now) {
        RuleSet rules = draft(districtId, ruleVersion, drl, authorId, note, now);
        rules.activate(now);
        return rules;
    }

    public static RuleSet draft(String districtId, int ruleVersion, String drl, String authorId, String note,
            Instant now) {
        RuleSet rules = new RuleSet();
        rules.districtId = districtId;
        rules.ruleVersion = ruleVersion;
        rules.status = RuleSetStatus.DRAFT;
        rules.drl = drl;
        rules.authorId = authorId;
        rules.note = note;
        rules.createdAt = now;
        return rules;
    }

    void activate(Instant now) {
        if (status != RuleSetStatus.DRAFT) {
            throw new IllegalStateException("rule set " + label() + " is " + status);
        }
        status = RuleSetStatus.ACTIVE;
        activatedAt = now;
    }

    void retire() {
        status = RuleSetStatus.RETIRED;
    }

    public String getAuthorId() {
        return authorId;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getActivatedAt() {
        return activatedAt;
    }

    public String getDistrictId() {
        return districtId;
    }

    public int getRuleVersion() {
        return ruleVersion;
    }

    public RuleSetStatus getStatus() {
        return status;
    }

    public String getDrl() {
        return drl;
    }

    public String getNote() {
        return note;
    }

    /** The label flags carry: "v3". */
    public String label() {
        return "v" + ruleVersion;
    }

}
