package org.corridor.rules.guard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.List;

import org.corridor.rules.RuleSetProblem;
import org.corridor.rules.RuleSetRejectedException;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class DrlGuardTest {

    private static final String PACKAGE = "package org.corridor.rules;\n";

    private static final String FLAG = "    insert(new Flag(\"CODE\", Severity.WARN, \"flagged\"));\n";

    private final DrlGuard guard = new DrlGuard();

    private static String rule(String name, String conditions, String consequence) {
        return "rule \"" + name + "\"\nwhen\n" + conditions + "\nthen\n" + consequence + "end\n";
    }

    private static List<String> reasons(List<RuleSetProblem> problems) {
        return problems.stream().map(RuleSetProblem::reason).toList();
    }

    @Nested
    class Allowed {

        @Test
        void ruleWithBindingsNotExistsOrAndAFourArgumentFlag() {
            String drl = """
                    package org.corridor.rules;

                    // Nobody goes to a full destination while a no-contact partner is out, or near the bell.
                    rule "Crowded destination during a conflict" salience 10 no-loop
                    when
                        $r : PassRequest( type == "RESTROOM" || type matches "NURSE.*", channel not in ("API") )
                        $d : DestinationStatus( destinationId == $r.destinationId, occupancy >= capacity - 1,
                                                $left : capacity )
                        exists( NoContactOut( studentId == $r.studentId ) )
                        not( Accommodation( studentId == $r.studentId, ruleName == "Crowded destination" ) )
                        ( PeriodTiming( minutesToEnd < 5 ) or HallStatus( studentsOut > 20 ) )
                    then
                        insert(new Flag("CROWDED_CONFLICT", Severity.BLOCK,
                            $d.getName() + " has " + $left + " places; " + $r.getStudentId() + " must wait",
                            "Please wait a few minutes"));
                        insert(new Flag("CROWDED_NOTE", Severity.INFO, "Noted at " + 5 + " minutes"));
                    end
                    """;

            var problems = guard.check(drl);

            assertThat(problems).isEmpty();
        }

        @Test
        void ruleAnAdministratorAddsToTheDefaults() {
            String drl = PACKAGE + """
                    // One student at a time in the Restroom.
                    rule "Restroom limit"
                    when
                        $d : DestinationStatus( name == "Restroom", occupancy >= 1 )
                    then
                        insert(new Flag("RESTROOM_LIMIT", Severity.WARN,
                            "Restroom limit: " + $d.getOccupancy() + " already out, the limit is 1"));
                    end
                    """;

            var problems = guard.check(drl);

            assertThat(problems).isEmpty();
        }

        @Test
        void textOutsideAsciiInsideStringsAndComments() {
            String drl = PACKAGE + "// Fermée : la salle d'étude\n"
                    + rule("Salle d'étude fermée",
                            "    $d : DestinationStatus( open == false, name != \"Cour d'été\" )",
                            "    insert(new Flag(\"ETUDE\", Severity.WARN, $d.getName() + \" est fermée\"));\n");

            var problems = guard.check(drl);

            assertThat(problems).isEmpty();
        }

        @Test
        void parenthesesNestedTwentyDeep() {
            String nested = "(".repeat(19) + "4" + ")".repeat(19);
            String drl = PACKAGE + rule("Deep", "    StudentUsage( passesToday >= " + nested + " )", FLAG);

            var problems = guard.check(drl);

            assertThat(problems).isEmpty();
        }

    }

    @Nested
    class ShapeLimits {

        @Test
        void inputOverSixtyFourKibibytesIsRejectedWithoutReadingFurther() {
            String drl = PACKAGE + "// " + "padding ".repeat(9_000) + "\n";

            var problems = guard.check(drl);

            assertThat(reasons(problems)).containsExactly("the rule set is larger than 64 KiB; split it or shorten it");
        }

        @Test
        void hundredThousandNestedParenthesesAreRejectedQuicklyWithoutStackOverflow() {
            String drl = PACKAGE + rule("Deep",
                    "    StudentUsage( passesToday >= " + "(".repeat(100_000) + "4" + ")".repeat(100_000) + " )", FLAG);

            var problems = assertTimeoutPreemptively(Duration.ofSeconds(2), () -> guard.check(drl));

            assertThat(problems).isNotEmpty();
        }

        @Test
        void deepNestingWithinTheSizeLimitIsRejectedBeforeParsing() {
            String drl = PACKAGE + rule("Deep",
                    "    StudentUsage( passesToday >= " + "(\n".repeat(30_000) + "4" + ")\n".repeat(1_000) + " )",
                    FLAG);

            var problems = assertTimeoutPreemptively(Duration.ofSeconds(2), () -> guard.check(drl));

            assertThat(reasons(problems))
                .containsExactly("parentheses are nested more than 20 deep; simplify this expression");
        }

        @Test
        void parenthesesNestedTwentyOneDeepAreRejected() {
            String nested = "(".repeat(20) + "4" + ")".repeat(20);
            String drl = PACKAGE + rule("Deep", "    StudentUsage( passesToday >= " + nested + " )", FLAG);

            var problems = guard.check(drl);

            assertThat(reasons(problems))
                .containsExactly("parentheses are nested more than 20 deep; simplify this expression");
        }

        @Test
        void moreThanTwoHundredRulesAreRejected() {
            StringBuilder drl = new StringBuilder(PACKAGE);
            for (int i = 0; i <= 200; i++) {
                drl.append(rule("Rule " + i, "    StudentUsage( passesToday > " + i + " )", FLAG));
            }

            var problems = guard.check(drl.toString());

            assertThat(reasons(problems)).containsExactly("a rule set may have at most 200 rules");
        }

        @Test
        void lineOverAThousandCharactersIsRejected() {
            String drl = PACKAGE + rule("Long", "    StudentUsage( passesToday > 4 )" + " ".repeat(1_000), FLAG);

            var problems = guard.check(drl);

            assertThat(reasons(problems)).containsExactly("this line is 1035 characters long; the limit is 1000");
        }

        @Test
        void controlCharacterInsideAStringIsRejected() {
            String drl = PACKAGE + rule("Control", "    StudentUsage()",
                    "    insert(new Flag(\"CODE\", Severity.WARN, \"a\0b\"));\n");

            var problems = guard.check(drl);

            assertThat(reasons(problems)).containsExactly("the control character U+0000 is not allowed");
        }

        @Test
        void loneCarriageReturnThatWouldEndAJavaCommentIsRejected() {
            // javac ends the comment at the \r and would run System.exit; DRL may read it
            // all as a comment.
            String drl = PACKAGE
                    + rule("Return", "    StudentUsage()", FLAG.replace("\n", "") + " // note\rSystem.exit(0);\n");

            var problems = guard.check(drl);

            assertThat(reasons(problems)).containsExactly("a carriage return must be followed by a line feed");
        }

        @Test
        void unicodeEscapeOutsideAStringIsRejected() {
            String drl = PACKAGE + rule("Escape", "    StudentUsage()",
                    "    insert(new Flag(\"CODE\", Severity.WARN, \"a\"))\\u003b\n");

            var problems = guard.check(drl);

            assertThat(reasons(problems))
                .containsExactly("unicode escapes (\\u...) are not allowed; type the character itself inside a string");
        }

    }

    @Nested
    class Rejected {

        @Test
        void missingPackageStatement() {
            String drl = rule("No package", "    StudentUsage()", FLAG);

            var problems = guard.check(drl);

            assertThat(reasons(problems)).containsExactly("the rule set must begin with 'package org.corridor.rules;'");
        }

        @Test
        void emptyRuleSet() {
            var problems = guard.check("  \n");

            assertThat(reasons(problems)).containsExactly("the rule set is empty");
        }

        @Test
        void propertyOfAnotherFactType() {
            String drl = PACKAGE + rule("Wrong type", "    StudentUsage( occupancy > 3 )", FLAG);

            var problems = guard.check(drl);

            assertThat(reasons(problems))
                .containsExactly("'occupancy' is not a property of StudentUsage; its properties "
                        + "are minutesSinceLastPass, passesThisWeek, passesToday, studentId");
        }

        @Test
        void consequenceWithoutAFlag() {
            String drl = PACKAGE + rule("Silent", "    StudentUsage()", "");

            var problems = guard.check(drl);

            assertThat(reasons(problems)).singleElement().asString().startsWith("a rule must insert at least one flag");
        }

        @Test
        void bindingUsedInTheConsequenceButNeverDeclared() {
            String drl = PACKAGE + rule("Unbound", "    StudentUsage()",
                    "    insert(new Flag(\"CODE\", Severity.WARN, $d.getName()));\n");

            var problems = guard.check(drl);

            assertThat(reasons(problems)).containsExactly("'$d' is not bound in this rule's conditions");
        }

        @Test
        void flagCodeInLowerCase() {
            String drl = PACKAGE + rule("Lower", "    StudentUsage()",
                    "    insert(new Flag(\"code\", Severity.WARN, \"flagged\"));\n");

            var problems = guard.check(drl);

            assertThat(reasons(problems)).containsExactly(
                    "a flag's code is text of capital letters, digits and _, such as \"DESTINATION_FULL\"");
        }

        @Test
        void flagWithFiveArguments() {
            String drl = PACKAGE + rule("Five", "    StudentUsage()",
                    "    insert(new Flag(\"CODE\", Severity.WARN, \"a\", \"b\", \"c\"));\n");

            var problems = guard.check(drl);

            assertThat(reasons(problems))
                .containsExactly("a Flag takes a code, a severity, a message and optionally a message for the student");
        }

        @Test
        void orAlternativesOverTheLimit() {
            String alternative = "    ( StudentUsage( passesToday > 1 ) or HallStatus( studentsOut > 1 ) )\n";
            String drl = PACKAGE + rule("Explosive", alternative.repeat(7), FLAG);

            var problems = guard.check(drl);

            assertThat(reasons(problems))
                .containsExactly("this rule's conditions have more than 64 alternatives ('or'); simplify them");
        }

        @Test
        void requireThrowsWithTheProblems() {
            String drl = PACKAGE + rule("Exit", "    StudentUsage()", FLAG + "    System.exit(0);\n");

            assertThatThrownBy(() -> guard.require(drl)).isInstanceOfSatisfying(RuleSetRejectedException.class,
                    rejected -> assertThat(rejected.problems()).extracting(RuleSetProblem::reason)
                        .containsExactly("rules cannot use Java classes; use the properties of facts"));
        }

    }

    @Nested
    class Positions {

        @Test
        void methodCallInAConstraintIsPlacedAtTheMethodName() {
            String drl = """
                    package org.corridor.rules;

                    rule "Long names"
                    when
                        DestinationStatus( capacity > 0,
                                           name.length() > 3 )
                    then
                        insert(new Flag("LONG", Severity.INFO, "long"));
                    end
                    """;

            var problems = guard.check(drl);

            assertThat(problems).containsExactly(new RuleSetProblem(6, 29,
                    "method calls are not allowed in conditions; use a property such as 'name'"));
        }

        @Test
        void forbiddenCallInAConsequenceIsPlacedAtItsFirstWord() {
            String drl = """
                    package org.corridor.rules;

                    rule "Exit"
                    when
                        StudentUsage()
                    then
                        insert(new Flag("EXIT", Severity.INFO, "bye"));   System.exit(0);
                    end
                    """;

            var problems = guard.check(drl);

            assertThat(problems).containsExactly(
                    new RuleSetProblem(7, 55, "rules cannot use Java classes; use the properties of facts"));
        }

        @Test
        void getterCalledOnTheWrongFactIsPlacedAtTheGetter() {
            String drl = """
                    package org.corridor.rules;

                    rule "Mixed up"
                    when
                        $h : HallStatus()
                    then
                        insert(new Flag("MIXED", Severity.INFO,
                            "Out: " + $h.getStudentsOut() + " at " + $h.getName()));
                    end
                    """;

            var problems = guard.check(drl);

            assertThat(problems).containsExactly(new RuleSetProblem(8, 53,
                    "'getName' is not a getter of HallStatus; its getters are getSchoolId(), getStudentsOut()"));
        }

        @Test
        void syntaxErrorIsPlacedWhereTheParserStopped() {
            String drl = """
                    package org.corridor.rules;
                    rule "Broken"
                    when
                        StudentUsage( passesToday >= )
                    then
                    end
                    """;

            var problems = guard.check(drl);

            assertThat(problems).extracting(RuleSetProblem::line, RuleSetProblem::column)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(4, 34));
        }

    }

}
