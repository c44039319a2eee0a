package org.corridor.rules.guard;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.corridor.rules.guard.Token.Kind;

/**
 * A small tokenizer for DRL and for the expressions and consequences inside it. One pass,
 * no recursion, no regular expressions, so that it is linear on any input.
 *
 * <p>
 * It follows Java's lexical rules where they matter for safety: a {@code //} comment ends
 * at {@code \n} or {@code \r}; a string ends at its first unescaped quote and may not
 * span lines; only the escapes {@code \" \' \\ \n \t \r \b \f} are accepted. Anything it
 * does not understand is an error rather than a guess.
 */
final class Tokenizer {

    private static final Set<String> TWO_CHAR_OPS = Set.of("==", "!=", "<=", ">=", "&&", "||", "::", "->", "++", "--",
            "+=", "-=", "*=", "/=", "%=", "&=", "|=", "^=", ":=", "!.", "?.", "<<", ">>");

    private static final String ONE_CHAR_OPS = "()[]{};,.:+-*/%<>=!&|^~?@#";

    private static final String ESCAPES = "\"'\\ntrbf";

    record LexError(int offset, String reason) {
    }

    /**
     * The tokens, the lexical errors, and where comments start (comments are not tokens).
     */
    record Result(List<Token> tokens, List<LexError> errors, List<Integer> commentStarts) {
    }

    private Tokenizer() {
    }

    static Result tokenize(String s) {
        List<Token> tokens = new ArrayList<>();
        List<LexError> errors = new ArrayList<>();
        List<Integer> comments = new ArrayList<>();
        int n = s.length();
        int i = 0;
        while (i < n) {
            char c = s.charAt(i);
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
                i++;
            }
            else if (c == '/' && i + 1 < n && s.charAt(i + 1) == '/') {
                comments.add(i);
                i += 2;
                while (i < n && s.charAt(i) != '\n' && s.charAt(i) != '\r') {
                    i++;
                }
            }
            else if (c == '/' && i + 1 < n && s.charAt(i + 1) == '*') {
                int close = s.indexOf("*/", i + 2);
                if (close < 0) {
                    errors.add(new LexError(i, "this comment is never closed: '/*' needs a matching '*/'"));
                    break;
                }
                comments.add(i);
                i = close + 2;
            }
            else if (c == '"' || c == '\'') {
                i = string(s, i, tokens, errors);
            }
            else if (isIdentStart(c)) {
                int j = i + 1;
                while (j < n && isIdentPart(s.charAt(j))) {
                    j++;
                }
                tokens.add(new Token(Kind.IDENT, s.substring(i, j), i, j));
                i = j;
            }
            else if (c >= '0' && c <= '9') {
                i = number(s, i, tokens, errors);
            }
            else if (c >= 0x80) {
                int cp = s.codePointAt(i);
                errors.add(new LexError(i, "the character '" + new String(Character.toChars(cp)) + "' (" + codePoint(cp)
                        + ") is only allowed inside strings and comments"));
                i += Character.charCount(cp);
            }
            else if (i + 1 < n && TWO_CHAR_OPS.contains(s.substring(i, i + 2))) {
                tokens.add(new Token(Kind.OP, s.substring(i, i + 2), i, i + 2));
                i += 2;
            }
            else if (ONE_CHAR_OPS.indexOf(c) >= 0) {
                tokens.add(new Token(Kind.OP, String.valueOf(c), i, i + 1));
                i++;
            }
            else {
                errors.add(new LexError(i, "the character '" + c + "' is not allowed here"));
                i++;
            }
        }
        return new Result(tokens, errors, comments);
    }

    private static int string(String s, int start, List<Token> tokens, List<LexError> errors) {
        char quote = s.charAt(start);
        int n = s.length();
        int i = start + 1;
        while (i < n) {
            char c = s.charAt(i);
            if (c == quote) {
                tokens.add(new Token(Kind.STRING, s.substring(start, i + 1), start, i + 1));
                return i + 1;
            }
            if (c == '\n' || c == '\r') {
                break;
            }
            if (c == '\\') {
                if (i + 1 >= n || ESCAPES.indexOf(s.charAt(i + 1)) < 0) {
                    errors.add(new LexError(i, "unsupported escape in a string; use only \\\" \\' \\\\ \\n \\t"));
                    return skipToEndOfString(s, i + 1, quote);
                }
                i += 2;
            }
            else {
                i++;
            }
        }
        errors.add(new LexError(start, "this string is not closed on its line"));
        return i;
    }

    private static int skipToEndOfString(String s, int from, char quote) {
        int i = from;
        while (i < s.length() && s.charAt(i) != quote && s.charAt(i) != '\n' && s.charAt(i) != '\r') {
            i++;
        }
        return Math.min(i + 1, s.length());
    }

    private static int number(String s, int start, List<Token> tokens, List<LexError> errors) {
        int n = s.length();
        int i = start;
        while (i < n && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
            i++;
        }
        Kind kind = Kind.INT;
        if (i + 1 < n && s.charAt(i) == '.' && s.charAt(i + 1) >= '0' && s.charAt(i + 1) <= '9') {
            kind = Kind.DECIMAL;
            i++;
            while (i < n && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
                i++;
            }
        }
        if (i < n && (isIdentPart(s.charAt(i)) || s.charAt(i) == '.')) {
            int j = i;
            while (j < n && (isIdentPart(s.charAt(j)) || s.charAt(j) == '.')) {
                j++;
            }
            errors.add(new LexError(start, "'" + s.substring(start, j)
                    + "' is not a number rules accept; write whole numbers like 4 or decimals like 2.5"));
            return j;
        }
        tokens.add(new Token(kind, s.substring(start, i), start, i));
        return i;
    }

    static boolean isIdentStart(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == '$';
    }

    static boolean isIdentPart(char c) {
        return isIdentStart(c) || (c >= '0' && c <= '9');
    }

    static String codePoint(int cp) {
        return String.format("U+%04X", cp);
    }

}
