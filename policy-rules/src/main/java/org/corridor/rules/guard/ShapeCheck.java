package org.corridor.rules.guard;

import java.util.List;

/**
 * Limits checked before anything else reads the DRL, each in one pass without recursion:
 * size, line length, characters, nesting and number of rules.
 */
final class ShapeCheck {

    private ShapeCheck() {
    }

    /**
     * False (with a problem) when the text is over {@link DrlGuard#MAX_BYTES} UTF-8
     * bytes; reads no further than that.
     */
    static boolean sizeWithinLimit(String drl, Problems problems) {
        long bytes = 0;
        for (int i = 0; i < drl.length() && bytes <= DrlGuard.MAX_BYTES; i++) {
            char c = drl.charAt(i);
            bytes += c < 0x80 ? 1 : c < 0x800 ? 2 : Character.isSurrogate(c) ? 2 : 3;
        }
        if (bytes > DrlGuard.MAX_BYTES) {
            problems.atLine(1, 1,
                    "the rule set is larger than " + DrlGuard.MAX_BYTES / 1024 + " KiB; split it or shorten it");
            return false;
        }
        return true;
    }

    /**
     * Lines over {@link DrlGuard#MAX_LINE_LENGTH} characters; control characters other
     * than tab and line breaks (a lone carriage return included: Java ends a comment
     * there, DRL may not); invisible formatting characters (bidirectional overrides,
     * zero-width spaces, byte-order marks); and any unicode escape, which javac would
     * decode inside a consequence before reading it.
     */
    static void linesAndCharacters(String drl, Problems problems) {
        int lineStart = 0;
        int n = drl.length();
        for (int i = 0; i < n && !problems.isFull(); i++) {
            char c = drl.charAt(i);
            if (c == '\n') {
                checkLineLength(drl, lineStart, i, problems);
                lineStart = i + 1;
            }
            else if (c == '\r') {
                if (i + 1 >= n || drl.charAt(i + 1) != '\n') {
                    problems.at(i, "a carriage return must be followed by a line feed");
                }
            }
            else if (c == '\\' && i + 1 < n && drl.charAt(i + 1) == 'u') {
                problems.at(i, "unicode escapes (\\u...) are not allowed; type the character itself inside a string");
            }
            else if (c != '\t' && Character.isISOControl(c)) {
                problems.at(i, "the control character " + Tokenizer.codePoint(c) + " is not allowed");
            }
            else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(drl.charAt(i + 1))) {
                i++;
            }
            else if (Character.isSurrogate(c)) {
                problems.at(i, "the text contains a broken character (" + Tokenizer.codePoint(c) + ")");
            }
            else if (isInvisible(c)) {
                problems.at(i, "the invisible character " + Tokenizer.codePoint(c)
                        + " is not allowed; it can make the text read differently from how it runs");
            }
        }
        checkLineLength(drl, lineStart, n, problems);
    }

    private static void checkLineLength(String drl, int start, int end, Problems problems) {
        int length = end > start && drl.charAt(end - 1) == '\r' ? end - start - 1 : end - start;
        if (length > DrlGuard.MAX_LINE_LENGTH) {
            problems.at(start + DrlGuard.MAX_LINE_LENGTH,
                    "this line is " + length + " characters long; the limit is " + DrlGuard.MAX_LINE_LENGTH);
        }
    }

    private static boolean isInvisible(char c) {
        int type = Character.getType(c);
        return type == Character.FORMAT || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR;
    }

    /**
     * False (with a problem) when parentheses, brackets or braces nest deeper than
     * {@link DrlGuard#MAX_NESTING}, or when there are more than
     * {@link DrlGuard#MAX_RULES} rules. Both are checked before the recursive Drools
     * parser sees the text.
     */
    static boolean nestingAndRuleCount(List<Token> tokens, Problems problems) {
        int depth = 0;
        int rules = 0;
        for (Token token : tokens) {
            if (token.isOp("(") || token.isOp("[") || token.isOp("{")) {
                depth++;
                if (depth > DrlGuard.MAX_NESTING) {
                    problems.at(token.start(), "parentheses are nested more than " + DrlGuard.MAX_NESTING
                            + " deep; simplify this expression");
                    return false;
                }
            }
            else if (token.isOp(")") || token.isOp("]") || token.isOp("}")) {
                depth = Math.max(0, depth - 1);
            }
            else if (depth == 0 && token.isIdent("rule")) {
                rules++;
                if (rules > DrlGuard.MAX_RULES) {
                    problems.at(token.start(), "a rule set may have at most " + DrlGuard.MAX_RULES + " rules");
                    return false;
                }
            }
        }
        return true;
    }

}
