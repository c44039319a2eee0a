package org.corridor.policy;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import org.corridor.pass.Pass;
import org.corridor.rules.CompiledRuleSet;
import org.corridor.rules.RaisedFlag;
import org.corridor.rules.Severity;

/**
 * Runs a district's active rules against one pass. If the rules themselves fail, the request is not
 * lost: it goes to the teacher with a flag saying policy could not be checked, and the error is logged.
 */
@Component
public class PolicyEvaluation {
    private static final Logger log = LoggerFactory.getLogger(PolicyEvaluation.class);

    private final DistrictRules rules;
    private final PassFacts facts;

    PolicyEvaluation(DistrictRules rules, PassFacts facts) {
        this.rules = rules;
        this.facts = facts;
    }

    public List<RaisedFlag> flagsFor(Pass pass) {
        try {
            CompiledRuleSet active = rules.active(pass.getDistrictId());
            return active.evaluate(facts.of(pass));
        } catch (RuntimeException e) {
            log.error("Policy evaluation failed for pass {} of district {}", pass.getId(), pass.getDistrictId(), e);
            String message = "District policy could not be checked for this request; decide without it.";
            return List.of(new RaisedFlag("POLICY_UNAVAILABLE", Severity.WARN, message, message,
                    "Corridor", "none"));
        }
    }
}
