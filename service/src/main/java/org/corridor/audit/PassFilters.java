package org.corridor.audit;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.springframework.stereotype.Component;

import org.corridor.pass.PassChannel;
import org.corridor.pass.PassState;
import org.corridor.pass.PassType;
import org.corridor.problem.ApiProblem;
import org.corridor.problem.FieldError;
import org.corridor.problem.InvalidInput;
import org.corridor.school.SchoolRepository;
import org.corridor.security.Caller;

/**
 * Reads the query string of a pass search. Every problem is reported at once, each naming
 * its parameter, and a parameter nobody knows is a problem too: a misspelt filter must
 * not silently widen an audit.
 */
@Component
public class PassFilters {

    static final int MAX_PAGE_SIZE = 200;
    static final int DEFAULT_PAGE_SIZE = 50;

    /** The filters of a search that are not about sorting or paging. */
    public static final Set<String> FILTERS = Set.of("studentId", "studentNumber", "teacherId", "destinationId",
            "schoolId", "state", "type", "channel", "flag", "ruleSetVersion", "from", "to");

    private static final Set<String> KNOWN = Set.of("studentId", "studentNumber", "teacherId", "destinationId",
            "schoolId", "state", "type", "channel", "flag", "ruleSetVersion", "from", "to", "sort", "page", "size");

    private final SchoolRepository schools;

    PassFilters(SchoolRepository schools) {
        this.schools = schools;
    }

    record Page(int page, int size) {
        long offset() {
            return (long) page * size;
        }
    }

    PassFilter filter(Caller caller, Map<String, String> query) {
        return filter(caller, query, KNOWN);
    }

    /**
     * The same filters for another reader of passes (the reports), which names the
     * parameters it knows: the pass filters less sorting and paging, plus its own.
     */
    public PassFilter filter(Caller caller, Map<String, String> query, Set<String> known) {
        List<FieldError> errors = new ArrayList<>();
        query.keySet()
            .stream()
            .filter(k -> !known.contains(k))
            .sorted()
            .forEach(k -> errors.add(new FieldError(k,
                    "is not a filter; filters are " + String.join(", ", known.stream().sorted().toList()))));
        String schoolId = text(query, "schoolId", errors);
        ZoneId zone = zone(caller, schoolId, errors);
        Instant from = time(query, "from", zone, false, errors);
        Instant to = time(query, "to", zone, true, errors);
        if (from != null && to != null && !from.isBefore(to)) {
            errors.add(new FieldError("to", "must be after from"));
        }
        String sort = query.getOrDefault("sort", "requestedAt,desc").strip();
        if (known.contains("sort") && !sort.equals("requestedAt,desc") && !sort.equals("requestedAt,asc")
                && !sort.equals("requestedAt")) {
            errors.add(new FieldError("sort", "must be requestedAt,desc (newest first) or requestedAt,asc"));
        }
        PassFilter filter = new PassFilter(text(query, "studentId", errors), text(query, "studentNumber", errors),
                text(query, "teacherId", errors), text(query, "destinationId", errors), schoolId,
                choice(query, "state", PassState::valueOf, PassState.values(), errors),
                choice(query, "type", PassType::valueOf, PassType.values(), errors),
                choice(query, "channel", PassChannel::valueOf, PassChannel.values(), errors),
                text(query, "flag", errors), text(query, "ruleSetVersion", errors), from, to,
                !sort.equals("requestedAt,asc"));
        if (known.contains("page")) {
            page(query, errors);
        }
        if (!errors.isEmpty()) {
            throw InvalidInput.fields("Invalid search", "search", errors);
        }
        return filter;
    }

    Page page(Map<String, String> query) {
        List<FieldError> errors = new ArrayList<>();
        Page page = page(query, errors);
        if (!errors.isEmpty()) {
            throw InvalidInput.fields("Invalid search", "search", errors);
        }
        return page;
    }

    static Page page(Map<String, String> query, List<FieldError> errors) {
        Integer page = number(query, "page", 0, 100_000, 0, errors);
        Integer size = number(query, "size", 1, MAX_PAGE_SIZE, DEFAULT_PAGE_SIZE, errors);
        return page == null || size == null ? null : new Page(page, size);
    }

    /**
     * The zone "from" and "to" are read in: the school searched, else the caller's, else
     * the district's one zone.
     */
    ZoneId zone(Caller caller, String schoolId, List<FieldError> errors) {
        if (schoolId != null) {
            var school = schools.findByIdAndDistrictId(schoolId, caller.districtId());
            if (school.isEmpty()) {
                errors.add(new FieldError("schoolId", "is no school of your district"));
                return null;
            }
            return school.get().getTimeZone();
        }
        if (caller.schoolId() != null) {
            return schools.findById(caller.schoolId()).map(s -> s.getTimeZone()).orElse(null);
        }
        List<ZoneId> zones = schools.findAll()
            .stream()
            .filter(s -> s.getDistrictId().equals(caller.districtId()))
            .map(s -> s.getTimeZone())
            .distinct()
            .toList();
        return zones.size() == 1 ? zones.get(0) : null;
    }

    static String text(Map<String, String> query, String name, List<FieldError> errors) {
        String value = query.get(name);
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.strip().length() > 64) {
            errors.add(new FieldError(name, "must be at most 64 characters"));
            return null;
        }
        return value.strip();
    }

    private static <E extends Enum<E>> E choice(Map<String, String> query, String name, Function<String, E> parse,
            E[] values, List<FieldError> errors) {
        String value = text(query, name, errors);
        if (value == null) {
            return null;
        }
        try {
            return parse.apply(value.toUpperCase());
        }
        catch (IllegalArgumentException e) {
            errors.add(new FieldError(name,
                    "must be one of " + String.join(", ", java.util.Arrays.stream(values).map(Enum::name).toList())));
            return null;
        }
    }

    private static Integer number(Map<String, String> query, String name, int min, int max, int otherwise,
            List<FieldError> errors) {
        String value = query.get(name);
        if (value == null || value.isBlank()) {
            return otherwise;
        }
        try {
            int n = Integer.parseInt(value.strip());
            if (n >= min && n <= max) {
                return n;
            }
        }
        catch (NumberFormatException e) {
            // reported below, as an out-of-range number is
        }
        errors.add(new FieldError(name, "must be a whole number from " + min + " to " + max));
        return null;
    }

    /**
     * A date (2026-09-01), a date and time in the school's zone (2026-09-01T08:30), or an
     * instant with its offset (2026-09-01T12:30:00Z). A date as the end of a range means
     * through the end of that day.
     */
    static Instant time(Map<String, String> query, String name, ZoneId zone, boolean end, List<FieldError> errors) {
        String value = query.get(name);
        if (value == null || value.isBlank()) {
            return null;
        }
        value = value.strip();
        try {
            return OffsetDateTime.parse(value).toInstant();
        }
        catch (DateTimeException e) {
            // not an instant: a local date or date-time in the school's zone
        }
        if (zone == null) {
            errors.add(new FieldError(name, "needs schoolId (the district's schools are in several time zones), "
                    + "or a time with its offset such as 2026-09-01T08:30:00-04:00"));
            return null;
        }
        try {
            if (value.length() == 10) {
                LocalDate day = LocalDate.parse(value);
                return (end ? day.plusDays(1) : day).atStartOfDay(zone).toInstant();
            }
            return LocalDateTime.parse(value).atZone(zone).toInstant();
        }
        catch (DateTimeException e) {
            errors.add(new FieldError(name, "must be a date (2026-09-01) or a date and time (2026-09-01T08:30)"));
            return null;
        }
    }

    static ApiProblem notAllowed() {
        return ApiProblem.forbidden("Only auditors and administrators can search passes.");
    }

}
