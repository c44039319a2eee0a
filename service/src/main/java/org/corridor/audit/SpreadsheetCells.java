package org.corridor.audit;

/**
 * Names and notes come from rosters and people, and an export is opened in a spreadsheet:
 * a cell that begins with {@code = + - @}, a tab or a carriage return would be read as a
 * formula there (CSV injection), so such a cell is written with a leading apostrophe, as
 * OWASP advises.
 */
public final class SpreadsheetCells {

    private SpreadsheetCells() {
    }

    public static Object[] safe(Object... cells) {
        Object[] out = new Object[cells.length];
        for (int i = 0; i < cells.length; i++) {
            out[i] = (cells[i] instanceof String text) ? safe(text) : cells[i];
        }
        return out;
    }

    public static String safe(String text) {
        if (text.isEmpty()) {
            return text;
        }
        return switch (text.charAt(0)) {
            case '=', '+', '-', '@', '\t', '\r' -> "'" + text;
            default -> text;
        };
    }

}
