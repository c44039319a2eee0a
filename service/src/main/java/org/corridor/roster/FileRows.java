package org.corridor.roster;

import java.util.HashMap;
import java.util.Map;

/**
 * The rows of one file that an import reads, in file order. A row whose sourcedId is
 * blank, too long or already on an earlier row, or whose status cannot be read, is
 * reported and passed over: every kind then sees each sourcedId once, and a broken row
 * never half-applies.
 */
final class FileRows {

    @FunctionalInterface
    interface Visitor {

        void row(CsvTable.Row row, String id, boolean deleted);

    }

    private FileRows() {
    }

    static void walk(CsvTable table, String file, RowFields fields, Visitor visitor) {
        Map<String, Integer> seen = new HashMap<>();
        for (CsvTable.Row row : table.rows()) {
            String id = fields.sourceId(row, seen);
            if (id != null && fields.status(row, file)) {
                visitor.row(row, id, RowFields.deleted(row));
            }
        }
    }

}
