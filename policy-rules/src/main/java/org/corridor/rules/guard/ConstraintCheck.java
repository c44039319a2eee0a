package org.corridor.rules.guard;

import java.util.List;
import java.util.Map;
import java.util.Set;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;

/**
 * Checks one constraint of a pattern, as the parser hands it to the compiler (for
 * instance {@code occupancy >= capacity}). Allowed: properties of the pattern's type;
 * {@code $bindings} declared earlier, and {@code $binding.property} for a binding of a
 * fact; {@code Severity.X}; {@code true false null}; string, whole and decimal literals;
 * the operators {@code == != < > <= >= && || ! + - * / ( ) ,}; and
 * {@code matches in contains memberOf}, each optionally after {@code not}. A whole
 * constraint may instead be a binding {@code $used : passesToday}. Reports at most one
 * problem per constraint.
 */
final class ConstraintCheck {

    private static final Set<String> OPERATORS = Set.of("==", "!=", "<", ">", "<=", ">=", "&&", "||", "!", "+", "-",
            "*", "/", "(", ")", ",");

    private static final Set<String> OPERATOR_WORDS = Set.of("matches", "in", "contains", "memberOf", "not");

    private static final Set<String> VALUE_WORDS = Set.of("true", "false", "null");
    static final int MAX_PATTERN_LENGTH = 200;
    static final int MAX_REPETITION_PRODUCT = 1_000;

    private static final Pattern COUNTED_REPETITION = Pattern.compile("\\{([0-9]+)(?:,([0-9]*))?\\}");

    /**
     * A property binding the constraint declares, such as {@code $used} in
     * {@code $used : passesToday}.
     */
    record Declared(String name, Place place) {
    }

    /** Stops the check at the first problem, which has been reported. */
    private static final class Rejected extends RuntimeException {

        Rejected() {
            super(null, null, false, false);
        }

    }

    private final Problems problems;

    private final Place place;

    private final FactVocabulary.FactType type;

    private final Map<String, Binding> bindings;

    private final FactVocabulary facts = FactVocabulary.INSTANCE;

    private String text;

    ConstraintCheck(Problems problems, Place place, FactVocabulary.FactType type, Map<String, Binding> bindings) {
        this.problems = problems;
        this.place = place;
        this.type = type;
        this.bindings = bindings;
    }

    /** Checks the expression; returns the binding it declares, if it is one. */
    Declared check(String expression) {
        this.text = expression;
        Tokenizer.Result lexed = Tokenizer.tokenize(expression);
        if (!lexed.errors().isEmpty()) {
            Tokenizer.LexError error = lexed.errors().get(0);
            place.reportAt(problems, error.offset(), error.reason());
            return null;
        }
        if (!lexed.commentStarts().isEmpty()) {
            place.reportAt(problems, lexed.commentStarts().get(0),
                    "comments are not allowed inside a constraint; put them after the comma or on a line of their own");
            return null;
        }
        List<Token> tokens = lexed.tokens();
        try {
            if (tokens.isEmpty()) {
                reject(null, "this constraint is empty");
            }
            if (tokens.size() >= 2 && tokens.get(0).isBinding() && tokens.get(1).isOp(":")) {
                return binding(tokens);
            }
            expression(tokens);
            return null;
        }
        catch (Rejected rejected) {
            return null;
        }
    }

    private Declared binding(List<Token> tokens) {
        Token property = tokens.size() == 3 ? tokens.get(2) : null;
        if (property == null || !property.isIdent() || !type.hasProperty(property.text())) {
            reject(tokens.size() > 2 ? tokens.get(2) : tokens.get(1),
                    "a binding names one property of " + type.name() + ", such as " + tokens.get(0).text() + " : "
                            + type.properties().iterator().next() + "; its properties are " + type.listProperties());
        }
        Token name = tokens.get(0);
        return new Declared(name.text(),
                new Place(place.offset() < 0 ? -1 : place.offset() + name.start(), place.line(), place.column()));
    }

    private void expression(List<Token> tokens) {
        Token previous = null;
        int i = 0;
        while (i < tokens.size()) {
            Token token = tokens.get(i);
            Token next = i + 1 < tokens.size() ? tokens.get(i + 1) : null;
            if (isValue(token) && isOperand(previous)) {
                reject(token, "expected an operator between '" + previous.text() + "' and '" + token.text() + "'");
            }
            if (token.kind() == Token.Kind.OP) {
                operator(token, previous);
            }
            else if (token.isIdent()) {
                if (token.isIdent("matches")) {
                    linearMatch(tokens, i);
                }
                if (next != null && next.isOp("(") && !OPERATOR_WORDS.contains(token.text())) {
                    reject(token, methodCall(type, token.text(), null));
                }
                if (next != null && next.isOp(".")) {
                    qualified(tokens, i);
                    previous = tokens.get(i + 2);
                    i += 3;
                    continue;
                }
                name(token, next);
            }
            previous = token;
            i++;
        }
    }

    private void operator(Token token, Token previous) {
        String op = token.text();
        if (op.equals(":")) {
            reject(token, "':' is only allowed in a binding such as $used : passesToday");
        }
        else if (op.equals(".")) {
            reject(token, "'.' may only follow a $binding of a fact (as in $d.name) or Severity");
        }
        else if (!OPERATORS.contains(op)) {
            reject(token, "the operator '" + op + "' is not allowed in conditions");
        }
        else if (op.equals("(") && isOperand(previous)) {
            reject(token, "unexpected '(' after '" + previous.text() + "'");
        }
    }

    private void name(Token token, Token next) {
        String name = token.text();
        if (name.equals("not")
                && (next == null || !next.isIdent() || !OPERATOR_WORDS.contains(next.text()) || next.isIdent("not"))) {
            reject(token, "'not' may only be used as 'not in', 'not matches', 'not contains' or 'not memberOf'; "
                    + "negate with !");
        }
        if (OPERATOR_WORDS.contains(name) || VALUE_WORDS.contains(name)) {
            return;
        }
        if (token.isBinding()) {
            if (!bindings.containsKey(name)) {
                reject(token, "'" + name + "' is not bound before this constraint");
            }
        }
        else if (!type.hasProperty(name)) {
            String property = type.propertyOfGetter(name);
            reject(token,
                    property != null ? "'" + name + "' is a method; in conditions use the property '" + property + "'"
                            : "'" + name + "' is not a property of " + type.name() + "; its properties are "
                                    + type.listProperties());
        }
    }

    /**
     * {@code x [not] matches "p"} with x one property ({@code name}, {@code $d.name} or a
     * value's $binding) and p a literal RE2 accepts, rewritten to
     * {@code [!]LinearMatch.matches(x, "p")} so that it runs in linear time (see
     * {@link org.corridor.rules.LinearMatch}). The newlines the rewrite takes out are put
     * back after it, so the compiler's line numbers stay those of the author's text.
     */
    private void linearMatch(List<Token> tokens, int at) {
        boolean negated = at > 0 && tokens.get(at - 1).isIdent("not");
        int last = negated ? at - 2 : at - 1;
        int first = last >= 2 && tokens.get(last - 1).isOp(".") ? last - 2 : last;
        Token pattern = at + 1 < tokens.size() ? tokens.get(at + 1) : null;
        Token after = at + 2 < tokens.size() ? tokens.get(at + 2) : null;
        Token before = first >= 1 ? tokens.get(first - 1) : null;
        if (last < 0 || !tokens.get(last).isIdent() || VALUE_WORDS.contains(tokens.get(last).text())
                || OPERATOR_WORDS.contains(tokens.get(last).text()) || !endsComparison(before, true)) {
            reject(tokens.get(at),
                    "'matches' compares one property with a pattern, such as name matches \"Room [0-9]+\"");
        }
        if (pattern == null || !pattern.isDoubleQuotedString() || !endsComparison(after, false)) {
            reject(tokens.get(at),
                    "'matches' takes one pattern in double quotes, such as name matches \"Room [0-9]+\"");
        }
        String regex = unescaped(pattern.stringContent());
        try {
            Pattern.compile(regex);
        }
        catch (PatternSyntaxException unsupported) {
            reject(pattern, "this pattern cannot be run in linear time (no back-references or look-around): "
                    + unsupported.getDescription());
        }
        // Linear in the text, but times the size of the compiled pattern, which counted
        // repetitions multiply:
        // (a{100}){100} is ten thousand states, each stepped through for every character
        // of a name.
        if (regex.length() > MAX_PATTERN_LENGTH) {
            reject(pattern, "a pattern may have at most " + MAX_PATTERN_LENGTH + " characters");
        }
        if (repetitionProduct(regex) > MAX_REPETITION_PRODUCT) {
            reject(pattern, "this pattern repeats too much: its counted repetitions ({n}, {m,n}) multiply to more than "
                    + MAX_REPETITION_PRODUCT);
        }
        if (place.offset() < 0) {
            reject(tokens.get(at), "write 'matches' as property matches \"pattern\" within one constraint");
        }
        int start = tokens.get(first).start();
        int end = pattern.end();
        String replaced = text.substring(start, end);
        problems.rewrite(place.offset() + start, place.offset() + end,
                (negated ? "!" : "") + "org.corridor.rules.LinearMatch.matches("
                        + text.substring(start, tokens.get(last).end()) + ", " + pattern.text() + ")"
                        + "\n".repeat((int) replaced.chars().filter(c -> c == '\n').count()));
    }

    /**
     * The bounds of every counted repetition multiplied, as if each were nested in the
     * one before (at most).
     */
    private static long repetitionProduct(String regex) {
        Matcher counted = COUNTED_REPETITION.matcher(regex);
        long product = 1;
        while (counted.find()) {
            int backslashes = 0;
            for (int i = counted.start() - 1; i >= 0 && regex.charAt(i) == '\\'; i--) {
                backslashes++;
            }
            if (backslashes % 2 == 0) {
                String upper = counted.group(2) == null || counted.group(2).isEmpty() ? counted.group(1)
                        : counted.group(2);
                long bound = upper.length() > 6 ? 999_999 : Long.parseLong(upper);
                product = Math.min(product * Math.max(1, bound), 1L << 40);
            }
        }
        return product;
    }

    /**
     * A token that may stand before (or after) a whole comparison: none, '(' (')'), '&&',
     * '||', ','.
     */
    private static boolean endsComparison(Token token, boolean before) {
        return token == null || token.isOp(before ? "(" : ")") || token.isOp("&&") || token.isOp("||")
                || token.isOp(",");
    }

    /**
     * A Java string literal's content as the string it denotes (enough for patterns: \\
     * and \").
     */
    private static String unescaped(String content) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < content.length(); i++) {
            char c = content.charAt(i);
            if (c == '\\' && i + 1 < content.length()) {
                char n = content.charAt(++i);
                switch (n) {
                    case 'n' -> text.append('\n');
                    case 't' -> text.append('\t');
                    case 'r' -> text.append('\r');
                    case '\\', '"', '\'' -> text.append(n);
                    default -> text.append('\\').append(n);
                }
            }
            else {
                text.append(c);
            }
        }
        return text.toString();
    }

    /** {@code $d.name} or {@code Severity.WARN}; anything else with a '.' is rejected. */
    private void qualified(List<Token> tokens, int i) {
        Token head = tokens.get(i);
        Token member = i + 2 < tokens.size() ? tokens.get(i + 2) : null;
        Token after = i + 3 < tokens.size() ? tokens.get(i + 3) : null;
        if (member == null || !member.isIdent()) {
            reject(tokens.get(i + 1), "'.' must be followed by a property name");
        }
        Binding binding = bindings.get(head.text());
        FactVocabulary.FactType memberOf = binding != null && binding.isFact() ? binding.factType() : type;
        if (after != null && after.isOp("(")) {
            reject(member, methodCall(memberOf, member.text(), head));
        }
        if (after != null && after.isOp(".")) {
            reject(member, "only one property may follow a $binding, as in $d.name; nested properties and "
                    + "qualified names are not allowed");
        }
        if (head.isIdent("Severity")) {
            if (!facts.isSeverity(member.text())) {
                reject(member, "the severities are Severity.INFO, Severity.WARN and Severity.BLOCK");
            }
        }
        else if (head.isBinding()) {
            if (binding == null) {
                reject(head, "'" + head.text() + "' is not bound before this constraint");
            }
            else if (!binding.isFact()) {
                reject(head, "'" + head.text() + "' holds a property's value; only a fact's $binding may be "
                        + "followed by a property");
            }
            else if (!binding.factType().hasProperty(member.text())) {
                reject(member, "'" + member.text() + "' is not a property of " + binding.factType().name()
                        + "; its properties are " + binding.factType().listProperties());
            }
        }
        else {
            reject(head,
                    type.hasProperty(head.text())
                            ? "nested properties such as '" + head.text() + "." + member.text() + "' are not allowed"
                            : "qualified names such as '" + head.text() + "." + member.text() + "' are not allowed; "
                                    + "use a property of " + type.name());
        }
    }

    /** "method calls are not allowed in conditions; use a property such as 'name'". */
    private static String methodCall(FactVocabulary.FactType type, String method, Token receiver) {
        String property = type.propertyOfGetter(method);
        if (property == null && receiver != null && type.hasProperty(receiver.text())) {
            property = receiver.text();
        }
        if (property == null) {
            property = type.properties().iterator().next();
        }
        return "method calls are not allowed in conditions; use a property such as '" + property + "'";
    }

    /** A token that starts a value: a literal or a name. */
    private static boolean isValue(Token token) {
        return token.isLiteral() || (token.isIdent() && !OPERATOR_WORDS.contains(token.text()));
    }

    /** A token that ends a value, after which an operator must come. */
    private static boolean isOperand(Token token) {
        return token != null && (token.isLiteral() || token.isOp(")")
                || (token.isIdent() && !OPERATOR_WORDS.contains(token.text())));
    }

    private void reject(Token token, String reason) {
        if (token == null) {
            place.report(problems, reason);
        }
        else {
            place.report(problems, token, reason);
        }
        throw new Rejected();
    }

}
