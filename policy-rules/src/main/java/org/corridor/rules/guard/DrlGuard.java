package org.corridor.rules.guard;

import java.util.List;

import org.corridor.rules.RuleSetProblem;
import org.corridor.rules.RuleSetRejectedException;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.parser.DrlParser;
import org.drools.drl.parser.DroolsError;
import org.drools.drl.parser.DroolsParserException;
import org.drools.drl.parser.ParserError;

/**
 * The allow-list a district's DRL must pass before it is compiled. A DRL consequence is
 * Java and the JVM has no sandbox, so authored rules are held to a small, fixed shape:
 *
 * <pre>
 * package org.corridor.rules;
 *
 * rule "Destination full" salience 10 no-loop
 * when
 *     $d : DestinationStatus( capacity &gt; 0, occupancy &gt;= capacity )
 *     not( NoContactOut() )
 * then
 *     insert(new Flag("DESTINATION_FULL", Severity.WARN, $d.getName() + " is full"));
 * end
 * </pre>
 *
 * <p>
 * Conditions match only the fact types of {@link org.corridor.rules.FactModel} (combined
 * with {@code not}, {@code exists}, {@code and}, {@code or}) and compare their
 * properties, {@code $bindings} and literals; a consequence only inserts
 * {@link org.corridor.rules.Flag}s whose messages join literals, bindings and getters of
 * bound facts. Nothing else is accepted.
 *
 * <p>
 * The checks run in layers, each stopping the next when it finds a problem, so that
 * hostile input never reaches the Drools parser: size and shape (linear, no recursion);
 * characters; tokens (forbidden words, operators, nesting); the Drools parser; the parsed
 * structure, where every constraint and consequence the compiler would see is checked
 * against the fact model; and last a check of every name in the text against what rules
 * may name. Stateless and thread-safe.
 */
public final class DrlGuard {

    /** Largest accepted DRL, in UTF-8 bytes. */
    public static final int MAX_BYTES = 64 * 1024;

    public static final int MAX_RULES = 200;

    public static final int MAX_LINE_LENGTH = 1_000;

    /** Deepest accepted nesting of parentheses, brackets and braces. */
    public static final int MAX_NESTING = 20;

    /**
     * Every reason the DRL may not be compiled, each at a 1-based line and column of
     * {@code drl}. Empty when the DRL is allowed.
     */
    public List<RuleSetProblem> check(String drl) {
        if (drl == null || drl.isBlank()) {
            return List.of(new RuleSetProblem(1, 1, "the rule set is empty"));
        }
        return examine(drl).toList();
    }

    /**
     * Throws {@link RuleSetRejectedException} with every problem when the DRL is not
     * allowed; else answers the text to compile: the DRL with each {@code x matches "p"}
     * made a call of {@link org.corridor.rules.LinearMatch}, on the same lines.
     */
    public String require(String drl) {
        if (drl == null || drl.isBlank()) {
            throw new RuleSetRejectedException(check(drl));
        }
        Problems problems = examine(drl);
        if (!problems.isEmpty()) {
            throw new RuleSetRejectedException(problems.toList());
        }
        return problems.rewritten();
    }

    private Problems examine(String drl) {
        Problems problems = new Problems(drl);
        if (!ShapeCheck.sizeWithinLimit(drl, problems)) {
            return problems;
        }
        ShapeCheck.linesAndCharacters(drl, problems);
        if (!problems.isEmpty()) {
            return problems;
        }
        Tokenizer.Result lexed = Tokenizer.tokenize(drl);
        lexed.errors().forEach(e -> problems.at(e.offset(), e.reason()));
        if (!ShapeCheck.nestingAndRuleCount(lexed.tokens(), problems)) {
            return problems;
        }
        // Also after lexical errors: the tokens read are still worth naming ("timer"
        // rather than "1s").
        TokenCheck.forbiddenConstructs(lexed.tokens(), problems);
        if (!problems.isEmpty()) {
            return problems;
        }
        PackageDescr parsed = parse(drl, problems);
        if (parsed == null || !problems.isEmpty()) {
            return problems;
        }
        new StructureCheck(drl, problems).check(parsed);
        if (problems.isEmpty()) {
            // Defence in depth: whatever the parser kept where the structure check does
            // not look,
            // no name outside the fact model may appear anywhere in the text.
            TokenCheck.vocabulary(lexed.tokens(), problems);
        }
        return problems;
    }

    private static PackageDescr parse(String drl, Problems problems) {
        // The same language level as the compiler
        // (KnowledgeBuilderRulesConfigurationImpl), so that
        // the structure checked here is the structure that will be compiled.
        DrlParser parser = new DrlParser(DrlParser.DEFAULT_LANGUAGE_LEVEL);
        PackageDescr parsed;
        try {
            parsed = parser.parse(false, drl);
        }
        catch (DroolsParserException | RuntimeException | StackOverflowError e) {
            problems.atLine(1, 1, "the rule set could not be read: " + e.getClass().getSimpleName());
            return null;
        }
        for (DroolsError error : parser.getErrors()) {
            if (error instanceof ParserError located) {
                problems.atLine(located.getRow(), located.getCol() + 1,
                        "the rule set could not be read: " + readable(located.getMessage()));
            }
            else {
                problems.atLine(1, 1, "the rule set could not be read: " + error.getMessage());
            }
        }
        if (parsed == null && problems.isEmpty()) {
            problems.atLine(1, 1, "the rule set could not be read");
        }
        return parsed;
    }

    /**
     * "[ERR 101] Line 4:33 no viable alternative at input ')'" becomes "no viable
     * alternative at input ')'".
     */
    private static String readable(String parserMessage) {
        if (parserMessage == null) {
            return "syntax error";
        }
        return parserMessage.replaceFirst("^\\[ERR \\d+\\]\\s*", "").replaceFirst("^Line \\d+:\\d+\\s*", "");
    }

}
