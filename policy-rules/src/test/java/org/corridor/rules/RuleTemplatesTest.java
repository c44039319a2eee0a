package org.corridor.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.corridor.rules.RuleTemplates.RuleTemplate;
import org.corridor.rules.guard.DrlGuard;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each starter template passes the guard, compiles beside the default rules, and fires
 * where it should.
 */
class RuleTemplatesTest {

    private static final String PACKAGE = "package org.corridor.rules;\n\n";

    /**
     * For each template, facts that make it fire: a template that fires on nothing would
     * teach nothing.
     */
    private static final Map<String, List<Object>> FIRES_ON = Map.of("daily-limit",
            List.of(new StudentUsage("ava", 3, 3, StudentUsage.NO_PASS_YET)), "weekly-limit",
            List.of(new StudentUsage("ava", 0, 10, StudentUsage.NO_PASS_YET)), "destination-cap",
            List.of(new DestinationStatus("n", "Nurse", 0, 2, true)), "blackout-start",
            List.of(new PeriodTiming("Period 2", 4, 40)), "blackout-end", List.of(new PeriodTiming("Period 2", 40, 4)),
            "cooldown", List.of(new StudentUsage("ava", 1, 1, 29)), "no-contact",
            List.of(new NoContactOut("ava", "ben", "Ben B.", "Library")), "hallway-cap",
            List.of(new HallStatus("s", 15)), "block", List.of(new DestinationStatus("l", "Library", 10, 0, false)));

    static Stream<RuleTemplate> templates() {
        return RuleTemplates.all().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("templates")
    void templatePassesTheGuardOnItsOwnAndBesideTheDefaultRules(RuleTemplate template) {
        assertThat(new DrlGuard().check(PACKAGE + template.drl())).isEmpty();
        assertThat(new DrlGuard().check(DefaultRuleSet.drl() + "\n" + template.drl())).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("templates")
    void templateFiresOnTheFactsItIsAbout(RuleTemplate template) {
        CompiledRuleSet rules = new RuleSetCompiler().compile("t", DefaultRuleSet.drl() + "\n" + template.drl());

        List<RaisedFlag> flags = rules.evaluate(FIRES_ON.get(template.id()));

        assertThat(flags).extracting(RaisedFlag::rule)
            .contains(template.drl()
                .lines()
                .filter(line -> line.startsWith("rule \""))
                .findFirst()
                .orElseThrow()
                .replaceAll("^rule \"(.*)\"$", "$1"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("templates")
    void everyTemplateHasFactsThatMakeItFire(RuleTemplate template) {
        assertThat(FIRES_ON).containsKey(template.id());
    }

}
