package org.corridor.school;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.corridor.person.Role;
import org.corridor.problem.ApiProblem;
import org.corridor.problem.FieldError;
import org.corridor.problem.InvalidInput;
import org.corridor.security.Caller;
import org.corridor.problem.HiddenCharacters;

/**
 * A school's bell schedule: the named periods sections meet in ("1", "2", "Homeroom"),
 * with their times and days. A roster names periods but has no times, so an administrator
 * sets them here; sections whose periods are not in the schedule are not routed. The PUT
 * replaces the whole schedule, validated whole: a 400 names each bad field and nothing
 * changes. An end of 00:00 means "until midnight" (00:00-00:00 is all day).
 */
@Service
class BellSchedules {

    private static final Logger log = LoggerFactory.getLogger(BellSchedules.class);

    private final ManagedSchools managedSchools;

    private final SchoolPeriodRepository periods;

    BellSchedules(ManagedSchools managedSchools, SchoolPeriodRepository periods) {
        this.managedSchools = managedSchools;
        this.periods = periods;
    }

    record PeriodView(String name, String startsAt, String endsAt, List<String> days) {
        static PeriodView of(SchoolPeriod p) {
            return new PeriodView(p.getName(), p.getStartsAt().toString(), p.getEndsAt().toString(),
                    p.getDays().stream().sorted().map(d -> d.name().substring(0, 3)).toList());
        }
    }

    @Transactional(readOnly = true)
    List<PeriodView> schedule(Caller caller, String id) {
        caller.require(Role.ADMIN, "read a school's bell schedule");
        School school = school(caller, id);
        return periods.findBySchoolIdOrderByStartsAtAscNameAsc(school.getId()).stream().map(PeriodView::of).toList();
    }

    @Transactional
    List<PeriodView> replace(Caller caller, String id, List<PeriodView> body) {
        caller.require(Role.ADMIN, "change a school's bell schedule");
        School school = school(caller, id);
        List<SchoolPeriod> schedule = validated(school.getId(), body);
        periods.deleteAll(periods.findBySchoolIdOrderByStartsAtAscNameAsc(school.getId()));
        periods.flush();
        periods.saveAll(schedule);
        log.info("School {} bell schedule replaced by {}: {} period(s)", school.getId(), caller.signedInId(),
                schedule.size());
        return schedule.stream()
            .sorted(Comparator.comparing(SchoolPeriod::getStartsAt).thenComparing(SchoolPeriod::getName))
            .map(PeriodView::of)
            .toList();
    }

    private static List<SchoolPeriod> validated(String schoolId, List<PeriodView> body) {
        List<FieldError> errors = new ArrayList<>();
        List<SchoolPeriod> schedule = new ArrayList<>();
        Map<String, Integer> names = new HashMap<>();
        if (body == null) {
            throw invalid(List.of(new FieldError("body", "must be a list of periods")));
        }
        for (int i = 0; i < body.size(); i++) {
            PeriodView p = body.get(i);
            String at = "[" + i + "].";
            if (p == null) {
                errors.add(new FieldError("[" + i + "]", "must be a period"));
                continue;
            }
            boolean ok = true;
            if (p.name() == null || p.name().isBlank() || p.name().strip().length() > 100) {
                errors.add(new FieldError(at + "name", "must be 1 to 100 characters"));
                ok = false;
            }
            else if (HiddenCharacters.in(p.name(), false).isPresent()) {
                errors.add(new FieldError(at + "name", HiddenCharacters.in(p.name(), false).get()));
                ok = false;
            }
            else {
                Integer earlier = names.putIfAbsent(p.name().strip(), i);
                if (earlier != null) {
                    errors.add(
                            new FieldError(at + "name", "'" + p.name().strip() + "' is also period [" + earlier + "]"));
                    ok = false;
                }
            }
            LocalTime starts = time(errors, at + "startsAt", p.startsAt());
            LocalTime ends = time(errors, at + "endsAt", p.endsAt());
            if (starts != null && ends != null && !ends.equals(LocalTime.MIDNIGHT) && !ends.isAfter(starts)) {
                errors.add(new FieldError(at + "endsAt", "must be after startsAt (00:00 means midnight)"));
                ok = false;
            }
            Set<DayOfWeek> days = days(errors, at + "days", p.days());
            if (ok && starts != null && ends != null && days != null) {
                schedule.add(new SchoolPeriod(schoolId, p.name().strip(), starts, ends, days));
            }
        }
        for (int i = 0; i < schedule.size(); i++) {
            for (int j = i + 1; j < schedule.size(); j++) {
                if (overlap(schedule.get(i), schedule.get(j))) {
                    errors.add(new FieldError("[" + names.get(schedule.get(j).getName()) + "]",
                            "period '" + schedule.get(j).getName() + "' overlaps period '" + schedule.get(i).getName()
                                    + "' on a day both meet"));
                }
            }
        }
        if (!errors.isEmpty()) {
            throw invalid(errors);
        }
        return schedule;
    }

    private static boolean overlap(SchoolPeriod a, SchoolPeriod b) {
        if (a.getDays().stream().noneMatch(b.getDays()::contains)) {
            return false;
        }
        return a.getStartsAt().isBefore(end(b)) && b.getStartsAt().isBefore(end(a));
    }

    private static LocalTime end(SchoolPeriod p) {
        return p.getEndsAt().equals(LocalTime.MIDNIGHT) ? LocalTime.MAX : p.getEndsAt();
    }

    private static LocalTime time(List<FieldError> errors, String field, String value) {
        if (value == null || !value.matches("\\d{2}:\\d{2}")) {
            errors.add(new FieldError(field, "must be a time like 08:30 (HH:mm)"));
            return null;
        }
        try {
            return LocalTime.parse(value);
        }
        catch (DateTimeParseException e) {
            errors.add(new FieldError(field, "must be a time like 08:30 (HH:mm); got " + value));
            return null;
        }
    }

    private static Set<DayOfWeek> days(List<FieldError> errors, String field, List<String> values) {
        if (values == null || values.isEmpty()) {
            errors.add(new FieldError(field, "must name at least one day (MON, TUE, WED, THU, FRI, SAT, SUN)"));
            return null;
        }
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        for (String value : values) {
            DayOfWeek day = value == null ? null
                    : java.util.Arrays.stream(DayOfWeek.values())
                        .filter(d -> d.name().substring(0, 3).equals(value))
                        .findFirst()
                        .orElse(null);
            if (day == null || !days.add(day)) {
                errors.add(new FieldError(field,
                        day == null ? "'" + value + "' is not one of MON, TUE, WED, THU, FRI, " + "SAT, SUN"
                                : value + " is named twice"));
                return null;
            }
        }
        return days;
    }

    private School school(Caller caller, String id) {
        return managedSchools.find(caller, id);
    }

    private static ApiProblem invalid(List<FieldError> errors) {
        return InvalidInput.fields("Invalid bell schedule", "bell schedule", errors);
    }

}
