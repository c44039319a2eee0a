package org.corridor.policy;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.corridor.pass.Pass;
import org.corridor.pass.PassPolicy;
import org.corridor.rules.RaisedFlag;
import org.corridor.rules.Severity;

/**
 * Runs a district's active rules against one pass: the {@link PassPolicy} passes ask. If
 * the rules themselves fail, the request is not lost: it goes to the teacher with a flag
 * saying policy could not be checked, and the error is logged.
 */
@Component
public class PolicyEvaluation implements PassPolicy {

    private static final Logger log = LoggerFactory.getLogger(PolicyEvaluation.class);

    private final DistrictRules rules;

    private final PassFacts facts;

    private final ObjectMapper json;

    PolicyEvaluation(DistrictRules rules, PassFacts facts, ObjectMapper json) {
        this.rules = rules;
        this.facts = facts;
        this.json = json;
    }

    @Override
    public Outcome evaluate(Pass pass) {
        FactSnapshot snapshot = null;
        try {
            PassFacts.Loaded loaded = facts.of(pass);
            snapshot = loaded.snapshot();
            return new Outcome(rules.activeVersion(loaded.activeRuleSetId()).evaluate(snapshot.facts()),
                    write(snapshot));
        }
        catch (RuntimeException e) {
            log.error("Policy evaluation failed for pass {} of district {}", pass.getId(), pass.getDistrictId(), e);
            String message = "District policy could not be checked for this request; decide without it.";
            return new Outcome(
                    List.of(new RaisedFlag("POLICY_UNAVAILABLE", Severity.WARN, message, message, "Corridor", "none")),
                    snapshot == null ? null : write(snapshot));
        }
    }

    private String write(FactSnapshot snapshot) {
        try {
            return json.writeValueAsString(snapshot);
        }
        catch (JsonProcessingException e) {
            throw new IllegalStateException("fact snapshot of pass " + snapshot.request().passId(), e);
        }
    }

    FactSnapshot read(String factsJson) {
        try {
            return json.readValue(factsJson, FactSnapshot.class);
        }
        catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable fact snapshot", e);
        }
    }

}
