package org.corridor.coverage;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.corridor.person.Person;
import org.corridor.person.PersonRepository;
import org.corridor.person.Role;
import org.corridor.problem.ApiProblem;
import org.corridor.problem.FieldError;
import org.corridor.problem.InvalidInput;
import org.corridor.school.ManagedSchools;
import org.corridor.school.School;
import org.corridor.school.SchoolRepository;
import org.corridor.section.Cover;
import org.corridor.section.CoverRepository;
import org.corridor.section.Section;
import org.corridor.section.SectionRepository;
import org.corridor.security.Caller;

/**
 * Covered classes: an administrator gives a class a covering teacher (a substitute) from
 * one day to another of the school's calendar, both included. While the cover is in force
 * the class's requests go to the covering teacher and not to the main teacher, and the
 * covering teacher sees the class ({@link org.corridor.section.DepartingFrom}). Covers of
 * one class never overlap. Every cover added or ended is written to the history with who
 * and when. A class of another district, or of another school for an administrator of one
 * school, is unknown (404).
 */
@Service
public class Coverage {

    /** The longest cover, in days: a longer absence is a change of the roster. */
    static final int LONGEST_DAYS = 366;

    private final CoverRepository covers;

    private final CoverageChangeRepository changes;

    private final SectionRepository sections;

    private final SchoolClasses schoolClasses;

    private final SchoolRepository schools;

    private final ManagedSchools managedSchools;

    private final PersonRepository people;

    private final Clock clock;

    Coverage(CoverRepository covers, CoverageChangeRepository changes, SectionRepository sections,
            SchoolClasses schoolClasses, SchoolRepository schools, ManagedSchools managedSchools,
            PersonRepository people, Clock clock) {
        this.covers = covers;
        this.changes = changes;
        this.sections = sections;
        this.schoolClasses = schoolClasses;
        this.schools = schools;
        this.managedSchools = managedSchools;
        this.people = people;
        this.clock = clock;
    }

    public record Ref(String id, String name) {
    }

    /**
     * One cover: {@code inForce} when today (on the school's calendar) is one of its
     * days.
     */
    public record CoverView(String id, Ref section, Ref teacher, Ref mainTeacher, LocalDate from, LocalDate until,
            boolean inForce, Instant createdAt, Ref createdBy) {
    }

    public record ChangeView(String coverId, String action, Instant at, Ref by, Ref section, Ref teacher,
            LocalDate from, LocalDate until) {
    }

    /** A cover as asked for: dates are days of the school's calendar (2026-12-07). */
    public record NewCover(String teacherId, String from, String until) {
    }

    /**
     * A school's classes with their covers that are not over, and the teachers who can
     * cover.
     */
    public record SchoolCoverage(Ref school, String timeZone, LocalDate today, List<ClassCoverage> classes,
            List<Ref> teachers) {
    }

    public record ClassCoverage(String id, String name, List<String> periods, Ref mainTeacher, List<CoverView> covers) {
    }

    @Transactional
    public CoverView add(Caller caller, String sectionId, NewCover asked) {
        caller.require(Role.ADMIN, "cover a class");
        Section section = covers.lockSection(sectionId)
            .filter(s -> ofCaller(caller, s))
            .orElseThrow(() -> ApiProblem.notFound("Class", sectionId));
        School school = schools.getReferenceById(section.getSchoolId());
        if (section.isRemoved()) {
            throw ApiProblem.conflict("class-removed", "Class removed",
                    section.getName() + " was removed from the roster; it has no requests to cover.");
        }
        LocalDate today = LocalDate.now(clock.withZone(school.getTimeZone()));
        List<FieldError> errors = new ArrayList<>();
        Person teacher = teacher(caller, section, school, asked.teacherId(), errors);
        LocalDate from = date("from", asked.from(), errors);
        LocalDate until = date("until", asked.until(), errors);
        if (from != null && until != null) {
            if (until.isBefore(from)) {
                errors.add(new FieldError("until", "The cover ends (" + until + ") before it starts (" + from + ")."));
            }
            else if (until.isBefore(today)) {
                errors.add(new FieldError("until", "The cover would end (" + until + ") before today (" + today + " in "
                        + school.getName() + "'s time zone): nothing is left to cover."));
            }
            else if (ChronoUnit.DAYS.between(from, until) + 1 > LONGEST_DAYS) {
                errors.add(new FieldError("until", "A cover lasts at most " + LONGEST_DAYS
                        + " days; for a longer absence, change the class's main teacher in the roster."));
            }
        }
        if (!errors.isEmpty()) {
            throw InvalidInput.fields("Invalid cover", "cover", errors);
        }
        List<Cover> overlapping = covers.overlapping(section.getId(), from, until);
        if (!overlapping.isEmpty()) {
            Cover first = overlapping.get(0);
            throw ApiProblem
                .conflict("coverage-overlap", "Cover overlaps another",
                        section.getName() + " is already covered by " + name(first.getTeacherId()) + " from "
                                + first.getFromDate() + " to " + first.getUntilDate()
                                + ". End that cover first, or choose other days.")
                .with("overlapping", overlapping.stream().map(Cover::getId).toList());
        }
        Cover cover = covers.saveAndFlush(new Cover(section, caller.districtId(), teacher.getId(), from, until,
                caller.signedInId(), clock.instant()));
        changes.save(new CoverageChange(cover, CoverageChange.Action.ADDED, caller.signedInId(), clock.instant()));
        return views(List.of(cover), Map.of(section.getId(), section), today).get(0);
    }

    /** A class's covers, the earliest first, those over included. */
    @Transactional(readOnly = true)
    public List<CoverView> list(Caller caller, String sectionId) {
        caller.require(Role.ADMIN, "see who covers a class");
        Section section = section(caller, sectionId);
        return views(covers.findBySectionIdOrderByFromDateAsc(section.getId()), Map.of(section.getId(), section),
                today(section));
    }

    /** Ends a cover: from now on the class's requests go to its main teacher again. */
    @Transactional
    public void remove(Caller caller, String sectionId, String coverId) {
        caller.require(Role.ADMIN, "end a cover");
        Section section = section(caller, sectionId);
        Cover cover = covers.findByIdAndSectionId(coverId, section.getId())
            .orElseThrow(() -> ApiProblem.notFound("Cover", coverId));
        covers.delete(cover);
        changes.save(new CoverageChange(cover, CoverageChange.Action.REMOVED, caller.signedInId(), clock.instant()));
    }

    /** Who added and ended the class's covers, oldest first. */
    @Transactional(readOnly = true)
    public List<ChangeView> history(Caller caller, String sectionId) {
        caller.require(Role.ADMIN, "read the coverage history");
        Section section = section(caller, sectionId);
        List<CoverageChange> found = changes.findByDistrictIdAndSectionIdOrderByChangedAtAsc(caller.districtId(),
                section.getId());
        Map<String, Person> named = people(
                found.stream().flatMap(c -> Stream.of(c.getActorId(), c.getTeacherId())).toList());
        Ref sectionRef = new Ref(section.getId(), section.getName());
        return found.stream()
            .map(c -> new ChangeView(c.getCoverId(), c.getAction().name(), c.getChangedAt(), ref(named, c.getActorId()),
                    sectionRef, ref(named, c.getTeacherId()), c.getFromDate(), c.getUntilDate()))
            .toList();
    }

    /** The school's classes, each with its covers that are not over, and its teachers. */
    @Transactional(readOnly = true)
    public SchoolCoverage ofSchool(Caller caller, String schoolId) {
        caller.require(Role.ADMIN, "see who covers the school's classes");
        School school = managedSchools.find(caller, schoolId);
        LocalDate today = LocalDate.now(clock.withZone(school.getTimeZone()));
        List<Section> classes = schoolClasses.of(school.getId());
        Map<String, Section> sectionById = classes.stream().collect(Collectors.toMap(Section::getId, s -> s));
        Map<String, List<CoverView>> coversBySection = views(
                covers.notOverBy(caller.districtId(), school.getId(), today), sectionById, today)
            .stream()
            .collect(Collectors.groupingBy(v -> v.section().id()));
        List<Person> teachers = people.findResponsibleFor(caller.districtId(), school.getId(), Role.TEACHER)
            .stream()
            .filter(p -> !p.isRemoved())
            .sorted(Comparator.comparing(Person::getName, String.CASE_INSENSITIVE_ORDER).thenComparing(Person::getId))
            .toList();
        Map<String, Person> named = people(classes.stream().map(Section::getMainTeacherId).toList());
        return new SchoolCoverage(new Ref(school.getId(), school.getName()), school.getTimeZone().getId(), today,
                classes.stream()
                    .map(s -> new ClassCoverage(s.getId(), s.getName(), List.copyOf(s.getPeriodNames()),
                            s.getMainTeacherId() == null ? null : ref(named, s.getMainTeacherId()),
                            coversBySection.getOrDefault(s.getId(), List.of())))
                    .toList(),
                teachers.stream().map(p -> new Ref(p.getId(), p.getName())).toList());
    }

    private List<CoverView> views(List<Cover> found, Map<String, Section> sectionById, LocalDate today) {
        Map<String, Person> named = people(found.stream()
            .flatMap(c -> Stream.of(c.getTeacherId(), c.getCreatedById(),
                    sectionById.containsKey(c.getSectionId()) ? sectionById.get(c.getSectionId()).getMainTeacherId()
                            : null))
            .toList());
        return found.stream().filter(c -> sectionById.containsKey(c.getSectionId())).map(c -> {
            Section section = sectionById.get(c.getSectionId());
            return new CoverView(c.getId(), new Ref(section.getId(), section.getName()), ref(named, c.getTeacherId()),
                    section.getMainTeacherId() == null ? null : ref(named, section.getMainTeacherId()), c.getFromDate(),
                    c.getUntilDate(), c.isInForceOn(today), c.getCreatedAt(), ref(named, c.getCreatedById()));
        }).toList();
    }

    /**
     * A class of the caller's district (and school, for an administrator of one school).
     */
    private Section section(Caller caller, String sectionId) {
        return sections.findById(sectionId)
            .filter(s -> ofCaller(caller, s))
            .orElseThrow(() -> ApiProblem.notFound("Class", sectionId));
    }

    private boolean ofCaller(Caller caller, Section section) {
        return (caller.schoolId() == null || caller.schoolId().equals(section.getSchoolId()))
                && schools.findByIdAndDistrictId(section.getSchoolId(), caller.districtId()).isPresent();
    }

    private LocalDate today(Section section) {
        return LocalDate.now(clock.withZone(schools.getReferenceById(section.getSchoolId()).getTimeZone()));
    }

    /**
     * A teacher of the class's school, on the roster, other than the class's main
     * teacher.
     */
    private Person teacher(Caller caller, Section section, School school, String teacherId, List<FieldError> errors) {
        if (teacherId == null || teacherId.isBlank()) {
            errors.add(new FieldError("teacherId", "Choose the covering teacher."));
            return null;
        }
        String id = teacherId.strip();
        Person teacher = id.length() > 36 ? null
                : people.findByIdAndDistrictId(id, caller.districtId())
                    .filter(p -> p.has(Role.TEACHER) && !p.isRemoved())
                    .filter(p -> p.getSchoolId() == null || p.getSchoolId().equals(school.getId()))
                    .orElse(null);
        if (teacher == null) {
            errors.add(new FieldError("teacherId",
                    "There is no teacher " + abbreviated(id) + " at " + school.getName() + " on the roster."));
            return null;
        }
        if (teacher.getId().equals(section.getMainTeacherId())) {
            errors.add(new FieldError("teacherId",
                    teacher.getName() + " is the main teacher of " + section.getName() + " already."));
            return null;
        }
        return teacher;
    }

    private static LocalDate date(String field, String written, List<FieldError> errors) {
        if (written == null || written.isBlank()) {
            errors.add(new FieldError(field, "Give the " + (field.equals("from") ? "first" : "last")
                    + " day of the cover, as a date such as 2026-12-07."));
            return null;
        }
        try {
            return LocalDate.parse(written.strip());
        }
        catch (DateTimeParseException e) {
            errors.add(new FieldError(field,
                    "'" + abbreviated(written.strip()) + "' is not a date: write it as 2026-12-07."));
            return null;
        }
    }

    private static String abbreviated(String text) {
        return text.length() > 40 ? text.substring(0, 40) + "…" : text;
    }

    private String name(String personId) {
        return people.findById(personId).map(Person::getName).orElse("the teacher " + personId);
    }

    private Map<String, Person> people(Collection<String> ids) {
        Map<String, Person> named = new HashMap<>();
        people.findAllById(ids.stream().filter(Objects::nonNull).distinct().toList())
            .forEach(p -> named.put(p.getId(), p));
        return named;
    }

    private static Ref ref(Map<String, Person> named, String id) {
        Person p = named.get(id);
        return new Ref(id, p == null ? null : p.getName());
    }

}
