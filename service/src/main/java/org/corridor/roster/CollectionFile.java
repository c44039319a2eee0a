package org.corridor.roster;

import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

import org.corridor.roster.RosterSet.Mode;

/**
 * A file whose rows stand for something Corridor keeps by source id: academic sessions,
 * users, classes. A row that says tobedeleted removes what it names, softly (passes and
 * history stay). A bulk file replaces its whole collection, so whatever the district held
 * before and the file no longer names is removed too.
 *
 * @param <R> the district's row of this kind, keyed by source id in {@link #held}
 */
abstract class CollectionFile<R> extends OneRosterFile {

    private final String file;

    private final Map<String, R> held;

    private final Predicate<R> heldBefore;

    CollectionFile(String file, RosterSet set, DistrictRoster roster, RowFields fields, RosterReport.Builder report,
            Map<String, R> held, Predicate<R> heldBefore) {
        super(set, roster, fields, report);
        this.file = file;
        this.held = held;
        this.heldBefore = heldBefore;
    }

    @Override
    void read() {
        Optional<CsvTable> table = set.table(file);
        if (table.isEmpty()) {
            return;
        }
        begin();
        Set<String> present = new HashSet<>();
        FileRows.walk(table.get(), file, fields, (row, id, deleted) -> {
            present.add(id);
            R existing = held.get(id);
            if (deleted || removes(row)) {
                if (existing != null) {
                    remove(existing);
                }
            }
            else {
                active(row, id, existing);
            }
        });
        finish(table.get());
        if (set.mode(file) == Mode.BULK) {
            held.forEach((id, row) -> {
                if (heldBefore.test(row) && !present.contains(id)) {
                    remove(row);
                }
            });
        }
    }

    /** Reads what the rows depend on, once the file is known to be in the set. */
    void begin() {
    }

    /** Whether an active row still takes its entity away (a disabled user). */
    boolean removes(CsvTable.Row row) {
        return false;
    }

    /**
     * Reads an active row; {@code existing} is what the district or an earlier row holds
     * for the id, or null.
     */
    abstract void active(CsvTable.Row row, String id, R existing);

    /** Marks the row's result removed. */
    abstract void remove(R row);

    /** Adds what the file as a whole says to the report, once every row is read. */
    void finish(CsvTable table) {
    }

}
