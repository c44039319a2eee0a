package org.corridor.policy;

public enum RuleSetStatus {

    DRAFT, ACTIVE, RETIRED

}
