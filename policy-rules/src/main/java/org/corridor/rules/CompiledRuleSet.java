package org.corridor.rules;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

import org.kie.api.KieBase;
import org.kie.api.event.rule.BeforeMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.event.rule.DefaultRuleRuntimeEventListener;
import org.kie.api.event.rule.ObjectInsertedEvent;
import org.kie.api.runtime.KieSession;

/**
 * A district's rule set, compiled and ready. Evaluation is thread-safe: each call works
 * in a session of its own, and stops after {@link #MAX_FIRINGS} or once it has run for
 * {@link #BUDGET}, so that a rule which keeps re-firing or joins too much cannot hold a
 * request: past the budget it throws {@link OverBudgetException}, and the service tells
 * the teacher the policy could not be evaluated.
 *
 * <p>
 * Accommodations are applied here, not in the DRL, so that they work for every rule of
 * every district: a flag is dropped when an {@link Accommodation} fact of the requesting
 * student (the {@link PassRequest}'s {@code studentId}) exempts the rule that raised it
 * on the request's {@code date}. Without a PassRequest fact no exemption applies.
 */
public final class CompiledRuleSet {

    public static final int MAX_FIRINGS = 1_000;

    /**
     * A district's whole rule set evaluates in milliseconds (BENCHMARKS.md); this is for
     * the broken one.
     */
    public static final Duration BUDGET = Duration.ofSeconds(2);

    /** An evaluation stopped because it ran longer than its budget. */
    public static final class OverBudgetException extends RuntimeException {

        OverBudgetException(String version, Duration budget) {
            super("rule set " + version + " ran longer than its budget of " + budget.toMillis() + " ms");
        }

    }

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
        return explain(facts).stream().map(Explained::flag).toList();
    }

    /**
     * A raised flag with the facts the rule matched when it raised it: what a dry-run
     * shows.
     */
    public record Explained(RaisedFlag flag, List<Object> facts) {
    }

    public List<Explained> explain(Collection<?> facts) {
        return explain(facts, BUDGET);
    }

    /**
     * Checked as the facts go in and before each firing, the points where Drools can
     * stop; between them a condition runs in time linear in its facts (patterns on RE2/J,
     * see {@link LinearMatch}).
     */
    List<Explained> explain(Collection<?> facts, Duration budget) {
        List<Explained> raised = new ArrayList<>();
        long deadline = System.nanoTime() + budget.toNanos();
        boolean[] overBudget = { false };
        KieSession session = rules.newKieSession();
        try {
            List<Object> matched = new ArrayList<>();
            session.addEventListener(new DefaultAgendaEventListener() {
                @Override
                public void beforeMatchFired(BeforeMatchFiredEvent event) {
                    if (System.nanoTime() - deadline > 0) {
                        overBudget[0] = true;
                        event.getKieRuntime().halt();
                    }
                    matched.clear();
                    matched.addAll(event.getMatch().getObjects());
                }
            });
            session.addEventListener(new DefaultRuleRuntimeEventListener() {
                @Override
                public void objectInserted(ObjectInsertedEvent event) {
                    // The rule that inserted a flag is known here, so a DRL author never
                    // has to name it.
                    if (event.getObject() instanceof Flag flag && event.getRule() != null) {
                        raised.add(new Explained(
                                new RaisedFlag(flag.getCode(), flag.getSeverity(), flag.getMessage(),
                                        flag.getStudentMessage(), event.getRule().getName(), version),
                                List.copyOf(matched)));
                    }
                }
            });
            for (Object fact : facts) {
                session.insert(fact);
                if (System.nanoTime() - deadline > 0) {
                    throw new OverBudgetException(version, budget);
                }
            }
            session.fireAllRules(MAX_FIRINGS);
            if (overBudget[0]) {
                throw new OverBudgetException(version, budget);
            }
        }
        finally {
            session.dispose();
        }
        List<PassRequest> requests = ofType(facts, PassRequest.class);
        List<Accommodation> accommodations = ofType(facts, Accommodation.class);
        if (requests.isEmpty() || accommodations.isEmpty()) {
            return raised;
        }
        raised.removeIf(explained -> exempted(explained.flag().rule(), requests, accommodations));
        return raised;
    }

    /**
     * Whether the rule is exempted for the request. Only one PassRequest is expected;
     * should there be several, a flag is dropped only when the rule is exempted for every
     * one of them, so that an accommodation never hides a flag that concerns another
     * request.
     */
    private static boolean exempted(String rule, List<PassRequest> requests, List<Accommodation> accommodations) {
        return requests.stream().allMatch(request -> exempted(rule, request, accommodations));
    }

    private static boolean exempted(String rule, PassRequest request, List<Accommodation> accommodations) {
        LocalDate day = request.getDate();
        if (rule == null || day == null || request.getStudentId() == null) {
            return false;
        }
        return accommodations.stream()
            .filter(a -> request.getStudentId().equals(a.getStudentId()))
            // an accommodation with a missing rule or date exempts nothing (rather than
            // failing the request)
            .filter(a -> a.getRuleName() != null && a.getFrom() != null && a.getUntil() != null)
            .anyMatch(a -> a.exempts(rule, day));
    }

    private static <T> List<T> ofType(Collection<?> facts, Class<T> type) {
        return facts.stream().filter(Objects::nonNull).filter(type::isInstance).map(type::cast).toList();
    }

}
