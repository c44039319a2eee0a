package org.corridor.problem;

import java.util.Optional;

/**
 * Finds the characters that let text hide or disguise what it says: control characters
 * (NUL among them), lone surrogates (half of a character, which no font draws and which
 * breaks other systems' encoders), and the bidirectional embeddings, overrides and
 * isolates (U+202A–U+202E, U+2066–U+2069), which make a name display in another order
 * than it is stored ("Trojan Source"). Such text is refused, never silently cleaned: a
 * stored value is exactly what its author sent, and the author learns which field to fix.
 */
public final class HiddenCharacters {

    private HiddenCharacters() {
    }

    /**
     * What is wrong with the text, as a message that completes its field's name
     * ("contains a control character (U+0007) at position 3."); empty for plain text or
     * {@code null}.
     * @param multiLine whether line breaks (LF, or CR LF) and tabs are allowed, as in a
     * note
     */
    public static Optional<String> in(CharSequence text, boolean multiLine) {
        if (text == null) {
            return Optional.empty();
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            String what = null;
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
                continue;
            }
            if (Character.isSurrogate(c)) {
                what = "a lone surrogate (half of a character)";
            }
            else if (c == 0) {
                what = "a NUL character";
            }
            else if (Character.getType(c) == Character.CONTROL && !allowedBreak(text, i, multiLine)) {
                what = "a control character";
            }
            else if ((c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069')) {
                what = "a bidirectional override or isolate";
            }
            if (what != null) {
                return Optional.of(String.format("contains %s (U+%04X) at position %d%s.", what, (int) c, i + 1,
                        multiLine ? "; only line breaks and tabs are allowed" : ""));
            }
        }
        return Optional.empty();
    }

    private static boolean allowedBreak(CharSequence text, int i, boolean multiLine) {
        char c = text.charAt(i);
        return multiLine
                && (c == '\n' || c == '\t' || (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n'));
    }

}
