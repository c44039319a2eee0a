package org.corridor.rules.guard;

import org.drools.drl.ast.descr.BaseDescr;

/**
 * Where a piece of DRL the parser handed back (a constraint, a consequence) lies in the
 * original text: at an offset when the piece was found there verbatim, so that each of
 * its tokens can be placed exactly; otherwise only at the line and column the parser gave
 * for it.
 */
record Place(int offset, int line, int column) {

    static Place atOffset(int offset) {
        return new Place(offset, 0, 0);
    }

    static Place atLine(int line, int column) {
        return new Place(-1, line, column);
    }

    /**
     * The position of a descriptor: its start offset when known, else its line and
     * (0-based) column.
     */
    static Place of(BaseDescr descr) {
        if (descr.getStartCharacter() >= 0) {
            return atOffset(descr.getStartCharacter());
        }
        return atLine(descr.getLine(), descr.getColumn() + 1);
    }

    /**
     * Where {@code text} starts in the source, found at the descriptor's own offset, else
     * at its position.
     */
    static Place of(String source, String text, BaseDescr descr) {
        int start = descr.getStartCharacter();
        if (start >= 0 && source.startsWith(text, start)) {
            return atOffset(start);
        }
        return atLine(descr.getLine(), descr.getColumn() + 1);
    }

    void report(Problems problems, String reason) {
        reportAt(problems, 0, reason);
    }

    void report(Problems problems, Token token, String reason) {
        reportAt(problems, token.start(), reason);
    }

    /**
     * Reports at an offset relative to this place (exact only when the place has an
     * offset).
     */
    void reportAt(Problems problems, int relativeOffset, String reason) {
        if (offset >= 0) {
            problems.at(offset + relativeOffset, reason);
        }
        else {
            problems.atLine(line, column, reason);
        }
    }
}
