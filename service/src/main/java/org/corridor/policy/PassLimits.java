package org.corridor.policy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntFunction;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.corridor.person.Role;
import org.corridor.problem.ApiProblem;
import org.corridor.rules.CompiledRuleSet;
import org.corridor.rules.PassRequest;
import org.corridor.rules.RaisedFlag;
import org.corridor.rules.StudentUsage;
import org.corridor.school.School;
import org.corridor.school.SchoolRepository;
import org.corridor.security.Caller;

/**
 * The passes a student has left today and this week ("2 of 3 today"). The limits live in
 * the district's active rule set, written as rules over {@link StudentUsage} (the default
 * "Daily pass limit" is {@code passesToday >= 4}); they are read the way the rules read
 * them, by asking the rules: the daily limit is the smallest number of passes today at
 * which a rule raises a flag it does not raise at 0, with the student's accommodations in
 * force (an exempted student has no limit). The week likewise. The usage is counted as
 * {@link PassFacts} counts it for a request.
 */
@Service
public class PassLimits {

    /** A limit above this is no limit a student would meet in practice. */
    static final int HIGHEST_DAILY = 30;

    static final int HIGHEST_WEEKLY = 100;

    private final DistrictRules rules;

    private final PassFacts facts;

    private final SchoolRepository schools;

    private final AccommodationRepository accommodations;

    /**
     * By rule set (compiled once per version) and by the rule names a student is exempted
     * from.
     */
    private final Map<CompiledRuleSet, Map<Set<String>, Limits>> probed = Collections
        .synchronizedMap(new WeakHashMap<>());

    PassLimits(DistrictRules rules, PassFacts facts, SchoolRepository schools, AccommodationRepository accommodations) {
        this.rules = rules;
        this.facts = facts;
        this.schools = schools;
        this.accommodations = accommodations;
    }

    /**
     * @param used passes counted so far
     * @param limit the limit, or null when none applies
     * @param left passes left before the limit's flag is raised, or null
     */
    public record Count(int used, Integer limit, Integer left) {

        static Count of(int used, Integer limit) {
            return new Count(used, limit, limit == null ? null : Math.max(0, limit - used));
        }

    }

    public record PassesLeft(Count today, Count thisWeek) {
    }

    private record Limits(Integer daily, Integer weekly) {
    }

    @Transactional(readOnly = true)
    public PassesLeft of(Caller caller) {
        if (caller.isKiosk() || !caller.is(Role.STUDENT) || caller.isStaff()) {
            throw ApiProblem.forbidden("Only a student has passes left.");
        }
        School school = caller.schoolId() == null ? null
                : schools.findByIdAndDistrictId(caller.schoolId(), caller.districtId()).orElse(null);
        if (school == null) {
            return new PassesLeft(Count.of(0, null), Count.of(0, null));
        }
        LocalDate today = LocalDate.now(school.getTimeZone());
        List<org.corridor.rules.Accommodation> exemptions = accommodations.inForce(caller.id(), today)
            .stream()
            .map(a -> new org.corridor.rules.Accommodation(caller.id(), a.getRuleName(), a.getFromDate(),
                    a.getUntilDate()))
            .toList();
        Set<String> exemptFrom = exemptions.stream()
            .map(org.corridor.rules.Accommodation::getRuleName)
            .collect(Collectors.toSet());
        CompiledRuleSet ruleSet = rules.active(caller.districtId());
        // a request of the student today: what the rules apply accommodations to
        PassRequest request = new PassRequest(null, caller.id(), "REGULAR", "DEVICE", null, null, today);
        Limits limits = probed.computeIfAbsent(ruleSet, r -> new ConcurrentHashMap<>())
            .computeIfAbsent(exemptFrom, names -> new Limits(
                    firstFlagged(ruleSet, request, exemptions,
                            n -> new StudentUsage(caller.id(), n, 0, StudentUsage.NO_PASS_YET), HIGHEST_DAILY),
                    firstFlagged(ruleSet, request, exemptions,
                            n -> new StudentUsage(caller.id(), 0, n, StudentUsage.NO_PASS_YET), HIGHEST_WEEKLY)));
        FactSnapshot.Usage usage = facts.usage(caller.id(), school);
        return new PassesLeft(Count.of(usage.passesToday(), limits.daily()),
                Count.of(usage.passesThisWeek(), limits.weekly()));
    }

    /** The smallest count at which the rules raise a flag they do not raise at 0. */
    private static Integer firstFlagged(CompiledRuleSet ruleSet, PassRequest request,
            List<org.corridor.rules.Accommodation> exemptions, IntFunction<StudentUsage> usage, int highest) {
        Set<String> baseline = codes(ruleSet, request, exemptions, usage.apply(0));
        for (int n = 1; n <= highest; n++) {
            Set<String> raised = codes(ruleSet, request, exemptions, usage.apply(n));
            raised.removeAll(baseline);
            if (!raised.isEmpty()) {
                return n;
            }
        }
        return null;
    }

    private static Set<String> codes(CompiledRuleSet ruleSet, PassRequest request,
            List<org.corridor.rules.Accommodation> exemptions, StudentUsage usage) {
        List<Object> facts = new ArrayList<>(exemptions);
        facts.add(request);
        facts.add(usage);
        return ruleSet.evaluate(facts).stream().map(RaisedFlag::code).collect(Collectors.toSet());
    }

}
