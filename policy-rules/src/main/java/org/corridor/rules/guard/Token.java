package org.corridor.rules.guard;

/**
 * One token of DRL or of the Java/MVEL text inside it. {@code start} and {@code end}
 * (exclusive) are offsets in the text that was tokenized.
 */
record Token(Kind kind, String text, int start, int end) {

    enum Kind {

        IDENT, INT, DECIMAL, STRING, OP

    }

    boolean isIdent() {
        return kind == Kind.IDENT;
    }

    boolean isIdent(String name) {
        return kind == Kind.IDENT && text.equals(name);
    }

    boolean isOp(String op) {
        return kind == Kind.OP && text.equals(op);
    }

    boolean isLiteral() {
        return kind == Kind.STRING || kind == Kind.INT || kind == Kind.DECIMAL;
    }

    /** A {@code $name} binding, as rules must name them. */
    boolean isBinding() {
        return kind == Kind.IDENT && text.startsWith("$");
    }

    /** A string in double quotes, the only kind of string Java knows. */
    boolean isDoubleQuotedString() {
        return kind == Kind.STRING && text.startsWith("\"");
    }

    /** The text between the quotes of a string token, escapes left as written. */
    String stringContent() {
        return text.substring(1, text.length() - 1);
    }
}
