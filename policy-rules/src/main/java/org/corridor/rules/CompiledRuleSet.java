package org.corridor.rules;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.kie.api.KieBase;
import org.kie.api.event.rule.DefaultRuleRuntimeEventListener;
import org.kie.api.event.rule.ObjectInsertedEvent;
import org.kie.api.runtime.KieSession;

/**
 * A district's rule set, compiled and ready. Evaluation is thread-safe: each call works in a
 * session of its own, and stops after {@link #MAX_FIRINGS} so that a rule which keeps re-firing
 * cannot hold a request.
 */
public final class CompiledRuleSet {
    public static final int MAX_FIRINGS = 1_000;

    private final String version;
    private final KieBase rules;

    CompiledRuleSet(String version, KieBase rules) {
        this.version = version;
        this.rules = rules;
    }

    public String version() {
        return version;
    }

    public List<RaisedFlag> evaluate(Collection<?> facts) {
        List<RaisedFlag> raised = new ArrayList<>();
        KieSession session = rules.newKieSession();
        try {
            session.addEventListener(new DefaultRuleRuntimeEventListener() {
                @Override
                public void objectInserted(ObjectInsertedEvent event) {
                    // The rule that inserted a flag is known here, so a DRL author never has to name it.
                    if (event.getObject() instanceof Flag flag && event.getRule() != null) {
                        raised.add(new RaisedFlag(flag.getCode(), flag.getSeverity(), flag.getMessage(),
                                flag.getStudentMessage(), event.getRule().getName(), version));
                    }
                }
            });
            facts.forEach(session::insert);
            session.fireAllRules(MAX_FIRINGS);
        } finally {
            session.dispose();
        }
        return raised;
    }
}
