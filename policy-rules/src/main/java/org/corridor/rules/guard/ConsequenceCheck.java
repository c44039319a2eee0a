package org.corridor.rules.guard;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.drools.drl.ast.descr.RuleDescr;

/**
 * Checks a rule's consequence, the Java text the compiler would get, against the only
 * shape allowed: one or more statements
 *
 * <pre>
 * insert(new Flag("CODE", Severity.WARN, message));
 * insert(new Flag("CODE", Severity.WARN, message, studentMessage));
 * </pre>
 *
 * where a message joins with {@code +} strings in double quotes, whole numbers,
 * {@code $bindings} and {@code $binding.getX()} for a getter of the bound fact's type.
 * Comments are skipped (by Java's rules: strings are read first, so "/*" inside a string
 * is text). Reports at most one problem per consequence.
 */
final class ConsequenceCheck {

    private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]*");

    private static final String EXAMPLE = "insert(new Flag(\"CODE\", Severity.WARN, \"message\"));";

    private static final class Rejected extends RuntimeException {

        Rejected() {
            super(null, null, false, false);
        }

    }

    private final String source;

    private final Problems problems;

    private Place place;

    private List<Token> tokens;

    private int position;

    private Map<String, Binding> bindings;

    ConsequenceCheck(String source, Problems problems) {
        this.source = source;
        this.problems = problems;
    }

    void check(RuleDescr rule, Map<String, Binding> bindings) {
        this.bindings = bindings;
        if (!(rule.getConsequence() instanceof String consequence)) {
            Place.of(rule).report(problems, "a rule must insert at least one flag, as in " + EXAMPLE);
            return;
        }
        place = locate(rule, consequence);
        Tokenizer.Result lexed = Tokenizer.tokenize(consequence);
        if (!lexed.errors().isEmpty()) {
            place.reportAt(problems, lexed.errors().get(0).offset(), lexed.errors().get(0).reason());
            return;
        }
        tokens = lexed.tokens();
        position = 0;
        try {
            if (tokens.isEmpty()) {
                reject(null, "a rule must insert at least one flag, as in " + EXAMPLE);
            }
            while (position < tokens.size()) {
                statement();
            }
        }
        catch (Rejected rejected) {
            // reported
        }
    }

    /** The consequence's text is searched for from the line of its 'then'. */
    private Place locate(RuleDescr rule, String consequence) {
        int from = problems.lineStart(rule.getConsequenceLine());
        int found = from >= 0 ? source.indexOf(consequence, from) : -1;
        boolean inRule = found >= 0 && (rule.getEndCharacter() < 0 || found <= rule.getEndCharacter());
        return inRule ? Place.atOffset(found) : Place.atLine(Math.max(rule.getConsequenceLine(), 1), 1);
    }

    private void statement() {
        Token first = peek();
        if (!first.isIdent("insert")) {
            reject(first,
                    "a consequence may only insert flags (found '" + first.text() + "'); write them as in " + EXAMPLE);
        }
        position++;
        expectOp("(");
        expectIdent("new", "insert takes a new Flag, as in " + EXAMPLE);
        expectIdent("Flag", "insert takes a new Flag, as in " + EXAMPLE);
        expectOp("(");
        Token code = next("the flag's code");
        if (!code.isDoubleQuotedString() || !CODE.matcher(code.stringContent()).matches()) {
            reject(code, "a flag's code is text of capital letters, digits and _, such as \"DESTINATION_FULL\"");
        }
        expectOp(",");
        Token severity = next("the flag's severity");
        Token dot = next("the flag's severity");
        Token level = next("the flag's severity");
        if (!severity.isIdent("Severity") || !dot.isOp(".") || !level.isIdent()
                || !FactVocabulary.INSTANCE.isSeverity(level.text())) {
            reject(severity, "a flag's severity is Severity.INFO, Severity.WARN or Severity.BLOCK");
        }
        expectOp(",");
        message();
        if (peek().isOp(",")) {
            position++;
            message();
        }
        if (peek().isOp(",")) {
            reject(peek(), "a Flag takes a code, a severity, a message and optionally a message for the student");
        }
        expectOp(")");
        expectOp(")");
        expectOp(";");
    }

    private void message() {
        term();
        while (peek().isOp("+")) {
            position++;
            term();
        }
        Token after = peek();
        if (position >= tokens.size()) {
            reject(null, "the consequence ends inside a flag; write flags as in " + EXAMPLE);
        }
        if (!after.isOp(",") && !after.isOp(")")) {
            reject(after, after.isOp(".") ? "only one getter call per value is allowed, as in $d.getName()"
                    : "expected '+', ',' or ')' but found '" + after.text() + "'");
        }
    }

    private void term() {
        Token token = next("a message");
        if (token.isDoubleQuotedString() || token.kind() == Token.Kind.INT) {
            return;
        }
        if (!token.isBinding()) {
            reject(token, "a message may only join text in double quotes, whole numbers, $bindings and getters "
                    + "such as $d.getName(), with +; found '" + token.text() + "'");
        }
        Binding binding = bindings.get(token.text());
        if (binding == null) {
            reject(token, "'" + token.text() + "' is not bound in this rule's conditions");
        }
        if (!peek().isOp(".")) {
            return;
        }
        position++;
        Token getter = next("a getter");
        if (!binding.isFact()) {
            reject(token, "'" + token.text() + "' holds a property's value; use it as it is");
        }
        if (!getter.isIdent() || !binding.factType().hasGetter(getter.text())) {
            reject(getter, "'" + getter.text() + "' is not a getter of " + binding.factType().name()
                    + "; its getters are " + binding.factType().listGetters());
        }
        expectOp("(");
        Token close = next("')'");
        if (!close.isOp(")")) {
            reject(close, "getters take no arguments, as in " + token.text() + "." + getter.text() + "()");
        }
    }

    private void expectOp(String op) {
        Token token = next("'" + op + "'");
        if (!token.isOp(op)) {
            reject(token, "expected '" + op + "' but found '" + token.text() + "'; write flags as in " + EXAMPLE);
        }
    }

    private void expectIdent(String name, String reason) {
        Token token = next("'" + name + "'");
        if (!token.isIdent(name)) {
            reject(token, reason);
        }
    }

    private Token next(String expected) {
        Token token = peek();
        if (position >= tokens.size()) {
            reject(null, "the consequence ends where " + expected + " was expected; write flags as in " + EXAMPLE);
        }
        position++;
        return token;
    }

    /**
     * The next token, or an empty operator token past the end (which matches nothing).
     */
    private Token peek() {
        if (position < tokens.size()) {
            return tokens.get(position);
        }
        int end = tokens.isEmpty() ? 0 : tokens.get(tokens.size() - 1).end();
        return new Token(Token.Kind.OP, "", end, end);
    }

    private void reject(Token token, String reason) {
        if (token == null) {
            int end = tokens == null || tokens.isEmpty() ? 0 : tokens.get(tokens.size() - 1).end();
            place.reportAt(problems, end, reason);
        }
        else {
            place.report(problems, token, reason);
        }
        throw new Rejected();
    }

}
