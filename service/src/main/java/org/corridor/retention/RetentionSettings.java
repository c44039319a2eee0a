package org.corridor.retention;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.corridor.problem.FieldError;

/**
 * Days a district keeps each kind of record: passes (with their flags, audit timeline,
 * facts and the engine's history) after they end, notifications after they were sent,
 * read records after the read, roster import reports after the import. Removed people are
 * erased once the pass period has passed since their removal and no pass names them.
 */
public record RetentionSettings(Integer passDays, Integer notificationDays, Integer readDays,
        Integer rosterImportDays) {

    /** The documented bounds of each setting, both included. */
    public record Bound(int min, int max) {
    }

    public static final Map<String, Bound> BOUNDS;

    static {
        Map<String, Bound> bounds = new LinkedHashMap<>();
        bounds.put("passDays", new Bound(30, 3650));
        bounds.put("notificationDays", new Bound(1, 365));
        bounds.put("readDays", new Bound(30, 3650));
        bounds.put("rosterImportDays", new Bound(7, 3650));
        BOUNDS = java.util.Collections.unmodifiableMap(bounds);
    }

    List<FieldError> problems() {
        List<FieldError> errors = new ArrayList<>();
        check("passDays", passDays, errors);
        check("notificationDays", notificationDays, errors);
        check("readDays", readDays, errors);
        check("rosterImportDays", rosterImportDays, errors);
        return errors;
    }

    private static void check(String field, Integer days, List<FieldError> errors) {
        Bound bound = BOUNDS.get(field);
        if (days == null || days < bound.min() || days > bound.max()) {
            errors.add(
                    new FieldError(field, "must be a whole number of days from " + bound.min() + " to " + bound.max()));
        }
    }

}
