package org.corridor.roster;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A CSV file as read: its header and its data rows, each with the row number an
 * administrator sees.
 */
public final class CsvTable {

    private final String file;

    private final List<String> header;

    private final List<Row> rows;

    private final Map<String, Integer> index = new HashMap<>();

    CsvTable(String file, List<String> header, List<String[]> records, List<Integer> numbers) {
        this.file = file;
        this.header = List.copyOf(header);
        for (int i = 0; i < header.size(); i++) {
            index.putIfAbsent(header.get(i), i);
        }
        Row[] built = new Row[records.size()];
        for (int i = 0; i < built.length; i++) {
            built[i] = new Row(this, numbers.get(i), records.get(i));
        }
        this.rows = List.of(built);
    }

    String file() {
        return file;
    }

    public List<String> header() {
        return header;
    }

    public List<Row> rows() {
        return rows;
    }

    public boolean has(String column) {
        return index.containsKey(column);
    }

    /** A data row; {@code number} counts the header as row 1. */
    public record Row(CsvTable table, int number, String[] fields) {
        /**
         * The trimmed value of the column, or "" when the column is blank or not in the
         * header.
         */
        public String get(String column) {
            Integer i = table.index.get(column);
            return i == null || i >= fields.length ? "" : fields[i].strip();
        }

        String file() {
            return table.file;
        }
    }

}
