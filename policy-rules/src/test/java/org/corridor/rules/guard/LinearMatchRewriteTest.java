package org.corridor.rules.guard;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * What the compiler is given for an allowed rule set with {@code matches}: the same
 * lines, on RE2/J.
 */
class LinearMatchRewriteTest {

    private final DrlGuard guard = new DrlGuard();

    @Test
    void matchesBecomesACallOfTheLinearEngineOnTheSameLines() {
        String drl = """
                package org.corridor.rules;
                rule "Rooms"
                when
                    $d : DestinationStatus( capacity > 0 && $d.name
                        not matches "Room [0-9]+", name matches "(a+)+$" )
                then
                    insert(new Flag("ROOM", Severity.INFO, "a room"));
                end
                """;

        String compiled = guard.require(drl);

        assertThat(compiled)
            .contains("capacity > 0 && !org.corridor.rules.LinearMatch.matches($d.name, \"Room [0-9]+\")",
                    "org.corridor.rules.LinearMatch.matches(name, \"(a+)+$\") )")
            .doesNotContain(" matches \"");
        assertThat(compiled.lines()).hasSameSizeAs(drl.lines().toList());
        assertThat(compiled.lines().toList().get(6)).isEqualTo(drl.lines().toList().get(6));
    }

    @Test
    void aRuleSetWithoutMatchesIsCompiledAsWritten() {
        String drl = """
                package org.corridor.rules;
                rule "Full"
                when
                    DestinationStatus( occupancy >= capacity )
                then
                    insert(new Flag("FULL", Severity.WARN, "full"));
                end
                """;

        assertThat(guard.require(drl)).isEqualTo(drl);
    }

    @Test
    void patternsMayCountAFewRepetitionsAndMatchLiteralBraces() {
        assertThat(guard.check(rule("Room [0-9]{1,4}-[A-Z]{2}"))).isEmpty();
        assertThat(guard.check(rule("Room \\\\{1000\\\\}"))).isEmpty();
    }

    @Test
    void patternsThatWouldCompileTooLargeAreRefused() {
        assertThat(guard.check(rule("[a-z]{40}[0-9]{40}"))).extracting(p -> p.reason())
            .containsExactly("this pattern repeats too much: its counted repetitions ({n}, {m,n}) multiply to more "
                    + "than 1000");
        assertThat(guard.check(rule("a".repeat(201)))).extracting(p -> p.reason())
            .containsExactly("a pattern may have at most 200 characters");
    }

    private static String rule(String pattern) {
        return """
                package org.corridor.rules;
                rule "Pattern"
                when
                    DestinationStatus( name matches "%s" )
                then
                    insert(new Flag("MATCHED", Severity.INFO, "matched"));
                end
                """.formatted(pattern);
    }

}
