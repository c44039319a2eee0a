package org.corridor.nocontact;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;

import org.corridor.problem.FieldError;
import org.corridor.roster.CsvReader;
import org.corridor.roster.CsvTable;
import org.corridor.roster.RosterProblem;
import org.corridor.security.Caller;

/**
 * A CSV of student-number pairs (columns {@code studentNumber},
 * {@code otherStudentNumber}, optional {@code note}, {@code from}, {@code until}), added
 * all or nothing, with a report of each refused row as the roster import gives it: file,
 * row (the header is row 1), column and reason.
 */
@Component
public class NoContactImport {

    static final List<String> REQUIRED = List.of("studentNumber", "otherStudentNumber");

    private static final Map<String, String> COLUMN_OF_FIELD = Map.of("studentId", "studentNumber", "otherStudentId",
            "otherStudentNumber");

    private final NoContactPairs pairs;

    NoContactImport(NoContactPairs pairs) {
        this.pairs = pairs;
    }

    public record Report(boolean applied, int added, List<RosterProblem> errors, List<RosterProblem> warnings,
            List<RosterProblem> notes) {
    }

    public Report run(Caller caller, String file, byte[] csv) {
        List<RosterProblem> errors = new ArrayList<>();
        List<RosterProblem> warnings = new ArrayList<>();
        List<RosterProblem> notes = new ArrayList<>();
        Optional<CsvTable> read = CsvReader.read(file, csv, errors, warnings, notes);
        if (read.isEmpty()) {
            return new Report(false, 0, errors, warnings, notes);
        }
        CsvTable table = read.get();
        for (String column : REQUIRED) {
            if (!table.has(column)) {
                errors.add(new RosterProblem(file, 1, column, "The header has no column " + column
                        + "; it needs studentNumber and otherStudentNumber (note, from and until are optional)."));
            }
        }
        if (!errors.isEmpty()) {
            return new Report(false, 0, errors, warnings, notes);
        }
        List<NoContactPairs.NewPair> asked = new ArrayList<>();
        List<CsvTable.Row> rows = new ArrayList<>();
        for (CsvTable.Row row : table.rows()) {
            int before = errors.size();
            for (String column : REQUIRED) {
                if (row.get(column).isEmpty()) {
                    errors.add(new RosterProblem(file, row.number(), column, "The student number is empty."));
                }
            }
            LocalDate from = date(file, row, "from", errors);
            LocalDate until = date(file, row, "until", errors);
            if (errors.size() == before) {
                asked.add(new NoContactPairs.NewPair(null, row.get("studentNumber"), null,
                        row.get("otherStudentNumber"), row.get("note"), from, until));
                rows.add(row);
            }
        }
        if (rows.isEmpty() && errors.isEmpty()) {
            errors.add(new RosterProblem(file, null, null, "The file has no pairs: only its header."));
        }
        // Rows refused above are reported with those the list refuses, so one upload
        // shows every problem.
        Map<Integer, List<FieldError>> refused = errors.isEmpty() ? pairs.addAll(caller, asked)
                : pairs.check(caller, asked);
        refused.forEach((i, problems) -> problems.forEach(p -> errors.add(new RosterProblem(file, rows.get(i).number(),
                COLUMN_OF_FIELD.getOrDefault(p.field(), p.field()), p.message()))));
        errors.sort((a, b) -> Integer.compare(a.row() == null ? 0 : a.row(), b.row() == null ? 0 : b.row()));
        return new Report(errors.isEmpty(), errors.isEmpty() ? asked.size() : 0, errors, warnings, notes);
    }

    private static LocalDate date(String file, CsvTable.Row row, String column, List<RosterProblem> errors) {
        String text = row.get(column);
        if (text.isEmpty()) {
            return null;
        }
        try {
            return LocalDate.parse(text);
        }
        catch (DateTimeParseException e) {
            errors.add(new RosterProblem(file, row.number(), column, "'" + text + "' is not a date as 2026-12-31."));
            return null;
        }
    }

}
