package org.corridor.rules.guard;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks on the token stream of the whole DRL, outside strings and comments, that need no
 * structure: words and operators no rule may contain, and the package statement. Also the
 * last, defence-in-depth check that every name in the text is one rules may use.
 */
final class TokenCheck {

    private static final List<String> PACKAGE = List.of("package", "org", ".", "corridor", ".", "rules", ";");

    private static final String CHANGES_FACTS = "rules may not change or remove facts; they may only insert a Flag";

    private static final String JAVA_CLASS = "rules cannot use Java classes; use the properties of facts";

    private static final String MATCH_DIRECTLY = "is not allowed; match facts directly, e.g. "
            + "DestinationStatus( open == false )";

    private static final String ATTRIBUTE = "is not allowed; the only rule attributes allowed are salience and no-loop";

    private static final Map<String, String> FORBIDDEN_WORDS = Map.ofEntries(
            Map.entry("import", "imports are not allowed; rules can use only the fact types, Flag and Severity"),
            Map.entry("function", "functions are not allowed in rules"),
            Map.entry("global", "globals are not allowed in rules"),
            Map.entry("declare", "declaring types is not allowed; rules can use only the fact types"),
            Map.entry("query", "queries are not allowed"),
            Map.entry("eval",
                    "eval is not allowed; write the condition as a constraint, e.g. "
                            + "StudentUsage( passesToday >= 4 )"),
            Map.entry("accumulate", "'accumulate' " + MATCH_DIRECTLY), Map.entry("acc", "'acc' " + MATCH_DIRECTLY),
            Map.entry("collect", "'collect' " + MATCH_DIRECTLY), Map.entry("forall", "'forall' " + MATCH_DIRECTLY),
            Map.entry("window", "'window' " + MATCH_DIRECTLY), Map.entry("over", "'over' " + MATCH_DIRECTLY),
            Map.entry("dialect", "dialect is not allowed; rules are written in the default (Java) dialect"),
            Map.entry("unit", "rule units are not allowed"), Map.entry("extends", "rules may not extend other rules"),
            Map.entry("modify", CHANGES_FACTS), Map.entry("update", CHANGES_FACTS), Map.entry("retract", CHANGES_FACTS),
            Map.entry("delete", CHANGES_FACTS),
            Map.entry("insertLogical", "insertLogical is not allowed; use insert(new Flag(...))"),
            Map.entry("with", "MVEL 'with' blocks are not allowed"),
            Map.entry("drools", "'drools' gives access to the rule engine and is not allowed"),
            Map.entry("kcontext", "'kcontext' gives access to the rule engine and is not allowed"),
            Map.entry("System", JAVA_CLASS), Map.entry("Runtime", JAVA_CLASS), Map.entry("Class", JAVA_CLASS),
            Map.entry("ClassLoader", JAVA_CLASS), Map.entry("Thread", JAVA_CLASS),
            Map.entry("ProcessBuilder", JAVA_CLASS), Map.entry("getClass", JAVA_CLASS),
            Map.entry("timer", "the rule attribute 'timer' " + ATTRIBUTE),
            Map.entry("calendars", "the rule attribute 'calendars' " + ATTRIBUTE),
            Map.entry("enabled", "the rule attribute 'enabled' " + ATTRIBUTE),
            Map.entry("duration", "the rule attribute 'duration' " + ATTRIBUTE),
            Map.entry("refract", "the rule attribute 'refract' " + ATTRIBUTE));

    /** Hyphenated DRL words, read as one word when written without spaces. */
    private static final Map<String, String> COMPOUND_WORDS = Map.of("no-loop", "", "entry-point",
            "entry points are " + MATCH_DIRECTLY.substring(3), "agenda-group",
            "the rule attribute 'agenda-group' " + ATTRIBUTE, "activation-group",
            "the rule attribute 'activation-group' " + ATTRIBUTE, "ruleflow-group",
            "the rule attribute 'ruleflow-group' " + ATTRIBUTE, "lock-on-active",
            "the rule attribute 'lock-on-active' " + ATTRIBUTE, "date-effective",
            "the rule attribute 'date-effective' " + ATTRIBUTE, "date-expires",
            "the rule attribute 'date-expires' " + ATTRIBUTE, "auto-focus",
            "the rule attribute 'auto-focus' " + ATTRIBUTE);

    private static final Set<String> ALLOWED_OPERATORS = Set.of("==", "!=", "<=", ">=", "&&", "||", "!", "<", ">", "+",
            "-", "*", "/", "(", ")", ",", ":", ";", ".");

    private static final Map<String, String> OPERATOR_REASONS = Map.ofEntries(
            Map.entry("{", "braces are not allowed: no code blocks, MVEL 'with' blocks or templates"),
            Map.entry("}", "braces are not allowed: no code blocks, MVEL 'with' blocks or templates"),
            Map.entry("[", "brackets are not allowed"), Map.entry("]", "brackets are not allowed"),
            Map.entry("#", "'#' (MVEL inline casts) is not allowed"),
            Map.entry("@", "'@' (annotations, MVEL templates) is not allowed"),
            Map.entry("=", "assignment is not allowed; compare with =="),
            Map.entry(":=", "assignment is not allowed; compare with =="),
            Map.entry("?", "the conditional operator '?' is not allowed"),
            Map.entry("?.", "null-safe navigation is not allowed"),
            Map.entry("!.", "null-safe navigation is not allowed"),
            Map.entry("::", "method references are not allowed"), Map.entry("->", "lambdas are not allowed"));

    /**
     * The names rules may use besides fact types, their properties and getters, and
     * $bindings.
     */
    private static final Set<String> KEYWORDS = Set.of("rule", "when", "then", "end", "salience", "not", "exists",
            "and", "or", "true", "false", "null", "matches", "in", "contains", "memberOf", "insert", "new", "Flag",
            "Severity");

    private TokenCheck() {
    }

    /**
     * Forbidden words, compound words and operators, the package statement, and
     * {@code new} of anything but Flag.
     */
    static void forbiddenConstructs(List<Token> tokens, Problems problems) {
        checkPackage(tokens, problems);
        FactVocabulary facts = FactVocabulary.INSTANCE;
        for (int i = 0; i < tokens.size() && !problems.isFull(); i++) {
            Token token = tokens.get(i);
            if (token.kind() == Token.Kind.OP) {
                if (!ALLOWED_OPERATORS.contains(token.text())) {
                    problems.at(token.start(), OPERATOR_REASONS.getOrDefault(token.text(),
                            "the operator '" + token.text() + "' is not allowed"));
                }
                continue;
            }
            if (!token.isIdent()) {
                continue;
            }
            int compoundLength = compoundLength(tokens, i);
            if (compoundLength > 0) {
                String reason = COMPOUND_WORDS.get(compound(tokens, i, compoundLength));
                if (!reason.isEmpty()) {
                    problems.at(token.start(), reason);
                }
                i += compoundLength - 1;
                continue;
            }
            String name = token.text();
            String reason = FORBIDDEN_WORDS.get(name);
            if (reason != null) {
                problems.at(token.start(), reason);
            }
            else if (name.equals("from") && i > 0 && tokens.get(i - 1).isOp(")")) {
                problems.at(token.start(), "'from' " + MATCH_DIRECTLY);
            }
            else if (name.equals("new") && (i + 1 >= tokens.size() || !tokens.get(i + 1).isIdent("Flag"))) {
                problems.at(token.start(), "only new Flag(...) is allowed");
            }
            else if (name.equals("package") && i > 0) {
                problems.at(token.start(), "only one package statement is allowed");
            }
            else if (isQualifiedNameStart(tokens, i) && i >= PACKAGE.size() && !name.startsWith("$")
                    && !name.equals("Severity") && !facts.isKnownMember(name)) {
                // A property followed by '.' is left to the structure check, which knows
                // the fact type.
                int last = skipQualifiedName(tokens, i);
                boolean call = last + 1 < tokens.size() && tokens.get(last + 1).isOp("(");
                problems.at(token.start(),
                        (call ? "calls such as '" + qualifiedName(tokens, i) + "(...)'"
                                : "fully-qualified names such as '" + qualifiedName(tokens, i) + "'")
                                + " are not allowed; rules can use only the fact types, Flag and Severity");
                i = last;
            }
        }
    }

    /**
     * Every name must be a keyword of the allowed DRL subset, a fact type, a property or
     * getter of a fact type, a {@code $binding} or a Severity constant, and no name may
     * be qualified except a binding's or Severity's.
     */
    static void vocabulary(List<Token> tokens, Problems problems) {
        FactVocabulary facts = FactVocabulary.INSTANCE;
        for (int i = PACKAGE.size(); i < tokens.size() && !problems.isFull(); i++) {
            Token token = tokens.get(i);
            if (!token.isIdent()) {
                continue;
            }
            if (tokens.get(i - 1).isIdent("rule")) {
                continue; // an unquoted rule name, checked as a name by the structure
                          // check
            }
            int compoundLength = compoundLength(tokens, i);
            if (compoundLength > 0) {
                i += compoundLength - 1;
                continue;
            }
            String name = token.text();
            boolean known = KEYWORDS.contains(name) || facts.isTypeName(name) || facts.isKnownMember(name)
                    || facts.isSeverity(name) || StructureCheck.isBindingName(name);
            if (!known) {
                problems.at(token.start(), "'" + name + "' is not allowed here; rules can use only the fact types "
                        + facts.listTypes() + ", their properties, $bindings, Flag and Severity");
            }
            else if (isQualifiedNameStart(tokens, i) && !name.startsWith("$") && !name.equals("Severity")) {
                problems.at(token.start(), "'" + qualifiedName(tokens, i) + "' is not allowed; only a $binding's "
                        + "property or a Severity constant may follow a '.'");
                i = skipQualifiedName(tokens, i);
            }
        }
    }

    private static void checkPackage(List<Token> tokens, Problems problems) {
        for (int i = 0; i < PACKAGE.size(); i++) {
            Token token = i < tokens.size() ? tokens.get(i) : null;
            if (token == null || token.kind() == Token.Kind.STRING || !token.text().equals(PACKAGE.get(i))) {
                int offset = i < tokens.size() ? tokens.get(i).start() : 0;
                problems.at(offset, "the rule set must begin with 'package org.corridor.rules;'");
                return;
            }
        }
    }

    private static boolean isQualifiedNameStart(List<Token> tokens, int i) {
        return i + 2 < tokens.size() && tokens.get(i).isIdent() && tokens.get(i + 1).isOp(".")
                && tokens.get(i + 2).isIdent();
    }

    private static String qualifiedName(List<Token> tokens, int i) {
        StringBuilder name = new StringBuilder(tokens.get(i).text());
        int j = i;
        while (isQualifiedNameStart(tokens, j)) {
            name.append('.').append(tokens.get(j + 2).text());
            j += 2;
        }
        return name.toString();
    }

    private static int skipQualifiedName(List<Token> tokens, int i) {
        int j = i;
        while (isQualifiedNameStart(tokens, j)) {
            j += 2;
        }
        return j;
    }

    /**
     * How many tokens the compound word starting at i spans (3 for "no-loop"), or 0 when
     * there is none.
     */
    private static int compoundLength(List<Token> tokens, int i) {
        for (int length = 5; length >= 3; length -= 2) {
            if (isAdjacentHyphenated(tokens, i, length) && COMPOUND_WORDS.containsKey(compound(tokens, i, length))) {
                return length;
            }
        }
        return 0;
    }

    private static boolean isAdjacentHyphenated(List<Token> tokens, int i, int length) {
        if (i + length > tokens.size()) {
            return false;
        }
        for (int k = 0; k < length; k++) {
            Token token = tokens.get(i + k);
            boolean expected = k % 2 == 0 ? token.isIdent() : token.isOp("-");
            if (!expected || (k > 0 && tokens.get(i + k - 1).end() != token.start())) {
                return false;
            }
        }
        return true;
    }

    private static String compound(List<Token> tokens, int i, int length) {
        StringBuilder word = new StringBuilder();
        for (int k = 0; k < length; k++) {
            word.append(tokens.get(i + k).text());
        }
        return word.toString();
    }

}
