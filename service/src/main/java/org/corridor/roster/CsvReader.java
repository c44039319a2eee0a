package org.corridor.roster;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * An RFC 4180 reader that copes with what SIS exports really send: a UTF-8 byte order
 * mark, CRLF, LF or lone CR line ends, no final newline, blank lines, and rows with extra
 * empty trailing fields (a trailing comma). It refuses what cannot be read safely, with
 * the row: other encodings, a quote left open, text after a closing quote, a row with
 * fewer fields than the header or extra fields holding data.
 */
public final class CsvReader {

    static final int MAX_ROWS = 1_000_000;

    private CsvReader() {
    }

    /**
     * The table, or empty after adding the reasons it cannot be read to {@code errors}.
     * What it reads but the administrator should know (a column with no name, whose
     * values are ignored) goes to {@code warnings}.
     */
    public static Optional<CsvTable> read(String file, byte[] bytes, List<RosterProblem> errors,
            List<RosterProblem> warnings, List<RosterProblem> notes) {
        Optional<String> text = decode(file, bytes, errors);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        List<String[]> records = new ArrayList<>();
        List<Integer> numbers = new ArrayList<>();
        if (!parse(file, text.get(), records, numbers, errors)) {
            return Optional.empty();
        }
        if (records.isEmpty()) {
            errors.add(new RosterProblem(file, 1, null, "The file is empty: it needs at least its header row."));
            return Optional.empty();
        }
        List<String> header = new ArrayList<>();
        for (String name : records.get(0)) {
            header.add(name.strip());
        }
        boolean ok = checkHeader(file, header, errors, warnings);
        List<String[]> rows = new ArrayList<>(records.size() - 1);
        List<Integer> rowNumbers = new ArrayList<>(records.size() - 1);
        List<Integer> trailing = new ArrayList<>();
        for (int i = 1; i < records.size(); i++) {
            String[] fields = records.get(i);
            int row = numbers.get(i);
            if (fields.length < header.size()) {
                errors.add(new RosterProblem(file, row, null,
                        "The row has " + fields.length + " fields; the header has " + header.size() + "."));
                ok = false;
                continue;
            }
            if (fields.length > header.size()) {
                for (int extra = header.size(); extra < fields.length; extra++) {
                    if (!fields[extra].isBlank()) {
                        errors.add(new RosterProblem(file, row, null,
                                "The row has " + fields.length + " fields; the header has " + header.size()
                                        + " and field " + (extra + 1) + " holds data no column names."));
                        ok = false;
                        break;
                    }
                }
                trailing.add(row);
            }
            rows.add(fields);
            rowNumbers.add(row);
        }
        if (!trailing.isEmpty()) {
            notes.add(RosterProblem.of(file, "Rows " + summary(trailing) + " end with empty fields beyond the header "
                    + "(a trailing comma); they were ignored."));
        }
        return ok ? Optional.of(new CsvTable(file, header, rows, rowNumbers)) : Optional.empty();
    }

    private static Optional<String> decode(String file, byte[] bytes, List<RosterProblem> errors) {
        int start = 0;
        if (bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF) {
            start = 3;
        }
        else if (bytes.length >= 2 && ((bytes[0] & 0xFF) == 0xFE && (bytes[1] & 0xFF) == 0xFF
                || (bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xFE)) {
            errors.add(RosterProblem.of(file,
                    "The file is UTF-16; OneRoster CSV files are UTF-8. Export it again as UTF-8."));
            return Optional.empty();
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, start, bytes.length - start);
        try {
            CharBuffer chars = decoder.decode(in);
            return Optional.of(chars.toString());
        }
        catch (CharacterCodingException e) {
            int at = firstInvalid(bytes, start);
            errors.add(new RosterProblem(file, lineOf(bytes, at), null, "The file is not valid UTF-8 (byte " + at
                    + "); OneRoster CSV files are UTF-8. Export it again as UTF-8."));
            return Optional.empty();
        }
    }

    /**
     * The offset of the first byte that is not valid UTF-8, found again to name the row.
     */
    private static int firstInvalid(byte[] bytes, int start) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, start, bytes.length - start);
        CharBuffer out = CharBuffer.allocate(bytes.length + 1);
        decoder.decode(in, out, true);
        return in.position();
    }

    private static int lineOf(byte[] bytes, int offset) {
        int line = 1;
        for (int i = 0; i < offset && i < bytes.length; i++) {
            if (bytes[i] == '\n') {
                line++;
            }
        }
        return line;
    }

    private static boolean parse(String file, String text, List<String[]> records, List<Integer> numbers,
            List<RosterProblem> errors) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        int row = 1;
        int i = 0;
        int n = text.length();
        boolean lineHasContent = false;
        while (i < n) {
            char c = text.charAt(i);
            if (c == '"' && field.isEmpty()) {
                int quoteRow = row;
                i++;
                boolean closed = false;
                while (i < n) {
                    char q = text.charAt(i);
                    if (q == '"') {
                        if (i + 1 < n && text.charAt(i + 1) == '"') {
                            field.append('"');
                            i += 2;
                            continue;
                        }
                        closed = true;
                        i++;
                        break;
                    }
                    field.append(q);
                    i++;
                }
                if (!closed) {
                    errors.add(new RosterProblem(file, quoteRow, null, "A quoted field is never closed."));
                    return false;
                }
                if (i < n && text.charAt(i) != ',' && text.charAt(i) != '\n' && text.charAt(i) != '\r') {
                    errors.add(new RosterProblem(file, row, null, "Text follows a closing quote; a field that contains "
                            + "a quote must be quoted whole, with the quote doubled."));
                    return false;
                }
                lineHasContent = true;
                continue;
            }
            if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
                lineHasContent = true;
                i++;
            }
            else if (c == '\n' || c == '\r') {
                if (lineHasContent || !field.isEmpty()) {
                    fields.add(field.toString());
                    records.add(fields.toArray(String[]::new));
                    numbers.add(row);
                    if (records.size() > MAX_ROWS + 1) {
                        errors.add(RosterProblem.of(file, "The file has more than " + MAX_ROWS + " rows, the most one "
                                + "import takes. Split the roster."));
                        return false;
                    }
                    row++;
                }
                fields.clear();
                field.setLength(0);
                lineHasContent = false;
                i += c == '\r' && i + 1 < n && text.charAt(i + 1) == '\n' ? 2 : 1;
            }
            else {
                field.append(c);
                lineHasContent = true;
                i++;
            }
        }
        if (lineHasContent || !field.isEmpty()) {
            fields.add(field.toString());
            records.add(fields.toArray(String[]::new));
            numbers.add(row);
        }
        return true;
    }

    private static boolean checkHeader(String file, List<String> header, List<RosterProblem> errors,
            List<RosterProblem> warnings) {
        boolean ok = true;
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < header.size(); i++) {
            String name = header.get(i);
            if (name.isEmpty()) {
                // Real exports do this (a OneRoster 1.2 roles.csv header ends in two
                // empty names): nothing can
                // ask for such a column, so its values are ignored rather than the file
                // refused.
                warnings.add(new RosterProblem(file, 1, null,
                        "Column " + (i + 1) + " of the header has no name; " + "its values were ignored."));
            }
            else if (!seen.add(name)) {
                errors.add(new RosterProblem(file, 1, name, "The header names column " + name + " twice."));
                ok = false;
            }
        }
        return ok;
    }

    static String summary(List<Integer> rows) {
        return rows.size() <= 10 ? rows.toString().replaceAll("[\\[\\]]", "")
                : rows.subList(0, 10).toString().replaceAll("[\\[\\]]", "") + " and " + (rows.size() - 10) + " more";
    }

}
