package org.corridor.nocontact;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.swagger.v3.oas.annotations.media.Schema;

import org.corridor.person.Person;
import org.corridor.person.PersonRepository;
import org.corridor.person.Role;
import org.corridor.problem.ApiProblem;
import org.corridor.problem.FieldError;
import org.corridor.problem.InvalidInput;
import org.corridor.security.Caller;
import org.corridor.problem.HiddenCharacters;

/**
 * The district's no-contact list, kept by its administrators: every pair added or removed
 * is written to the history with who and when. Students are named by id or by student
 * number; one of another district, of no school, or no longer on the roster is an unknown
 * student. An administrator of one school keeps the pairs of its own students only.
 */
@Service
public class NoContactPairs {

    private final NoContactPairRepository pairs;

    private final NoContactChangeRepository changes;

    private final PersonRepository people;

    private final Clock clock;

    NoContactPairs(NoContactPairRepository pairs, NoContactChangeRepository changes, PersonRepository people,
            Clock clock) {
        this.pairs = pairs;
        this.changes = changes;
        this.people = people;
        this.clock = clock;
    }

    /** One student as an administrator sees them on the list. */
    public record StudentRef(String id, String name, @Schema(nullable = true) String studentNumber) {
        static StudentRef of(Person p) {
            return new StudentRef(p.getId(), p.getName(), p.getStudentNumber());
        }
    }

    public record PairView(String id, StudentRef student, StudentRef otherStudent, @Schema(nullable = true) String note,
            @Schema(nullable = true) LocalDate from, @Schema(nullable = true) LocalDate until,
            @Schema(nullable = true) Instant createdAt) {
    }

    public record ChangeView(String pairId, String action, Instant at, StudentRef by, StudentRef student,
            StudentRef otherStudent, @Schema(nullable = true) LocalDate from,
            @Schema(nullable = true) LocalDate until) {
    }

    /**
     * A pair as asked for: each student by id or by number (the fields' names are the
     * API's).
     */
    public record NewPair(String studentId, String studentNumber, String otherStudentId, String otherStudentNumber,
            String note, LocalDate from, LocalDate until) {
    }

    @Transactional
    public PairView add(Caller caller, NewPair asked) {
        caller.require(Role.ADMIN, "keep the no-contact list");
        List<FieldError> errors = new ArrayList<>();
        Person student = student(caller, asked.studentId(), asked.studentNumber(), "studentId", "studentNumber",
                errors);
        Person other = student(caller, asked.otherStudentId(), asked.otherStudentNumber(), "otherStudentId",
                "otherStudentNumber", errors);
        check(asked, student, other, errors);
        if (!errors.isEmpty()) {
            throw InvalidInput.fields("Invalid no-contact pair", "no-contact pair", errors);
        }
        refuseDuplicate(student, other);
        NoContactPair pair;
        try {
            pair = pairs.saveAndFlush(new NoContactPair(caller.districtId(), student.getId(), other.getId(),
                    blankToNull(asked.note()), asked.from(), asked.until(), clock.instant()));
        }
        catch (DataIntegrityViolationException e) {
            // Two administrators adding the same pair at once: the unique key refuses the
            // second.
            throw duplicate();
        }
        changes.save(new NoContactChange(pair, NoContactChange.Action.ADDED, caller.signedInId(), clock.instant()));
        return new PairView(pair.getId(), StudentRef.of(student), StudentRef.of(other), pair.getNote(),
                pair.getFromDate(), pair.getUntilDate(), pair.getCreatedAt());
    }

    /** The district's pairs, or one student's, each seen from that student's side. */
    @Transactional(readOnly = true)
    public List<PairView> list(Caller caller, String studentId) {
        caller.require(Role.ADMIN, "read the no-contact list");
        List<NoContactPair> found = studentId == null || studentId.isBlank()
                ? pairs.findByDistrictId(caller.districtId()) : pairs.ofStudent(caller.districtId(), studentId);
        Map<String, Person> named = people(found.stream().flatMap(p -> Stream.of(p.getStudentId(), p.getPartnerId())));
        return found.stream()
            .filter(p -> ofCallersSchools(caller, named.get(p.getStudentId()))
                    && ofCallersSchools(caller, named.get(p.getPartnerId())))
            .map(p -> {
                boolean flipped = p.getPartnerId().equals(studentId);
                Person one = named.get(flipped ? p.getPartnerId() : p.getStudentId());
                Person two = named.get(flipped ? p.getStudentId() : p.getPartnerId());
                return new PairView(p.getId(), StudentRef.of(one), StudentRef.of(two), p.getNote(), p.getFromDate(),
                        p.getUntilDate(), p.getCreatedAt());
            })
            .toList();
    }

    @Transactional
    public void remove(Caller caller, String id) {
        caller.require(Role.ADMIN, "keep the no-contact list");
        NoContactPair pair = pairs.findByIdAndDistrictId(id, caller.districtId())
            .filter(p -> people.findAllById(List.of(p.getStudentId(), p.getPartnerId()))
                .stream()
                .allMatch(student -> ofCallersSchools(caller, student)))
            .orElseThrow(() -> ApiProblem.notFound("No-contact pair", id));
        pairs.delete(pair);
        changes.save(new NoContactChange(pair, NoContactChange.Action.REMOVED, caller.signedInId(), clock.instant()));
    }

    /**
     * Who added and removed which pairs, oldest first: the district's, or those of one
     * student.
     */
    @Transactional(readOnly = true)
    public List<ChangeView> history(Caller caller, String studentId) {
        caller.require(Role.ADMIN, "read the no-contact history");
        List<NoContactChange> found = studentId == null || studentId.isBlank()
                ? changes.findByDistrictId(caller.districtId()) : changes.ofStudent(caller.districtId(), studentId);
        Map<String, Person> named = people(
                found.stream().flatMap(c -> Stream.of(c.getActorId(), c.getStudentId(), c.getPartnerId())));
        return found.stream()
            .filter(c -> ofCallersSchools(caller, named.get(c.getStudentId()))
                    && ofCallersSchools(caller, named.get(c.getPartnerId())))
            .map(c -> new ChangeView(c.getPairId(), c.getAction().name(), c.getChangedAt(), ref(named, c.getActorId()),
                    ref(named, c.getStudentId()), ref(named, c.getPartnerId()), c.getFromDate(), c.getUntilDate()))
            .toList();
    }

    /**
     * Adds every pair, or none when any is refused: the answer holds the problems of each
     * refused pair by its index in {@code asked}, and is empty when all were added. A
     * pair given twice is refused the second time.
     */
    @Transactional
    public Map<Integer, List<FieldError>> addAll(Caller caller, List<NewPair> asked) {
        return addAll(caller, asked, true);
    }

    /** The problems {@link #addAll} would find, by index, adding nothing. */
    @Transactional(readOnly = true)
    public Map<Integer, List<FieldError>> check(Caller caller, List<NewPair> asked) {
        return addAll(caller, asked, false);
    }

    private Map<Integer, List<FieldError>> addAll(Caller caller, List<NewPair> asked, boolean save) {
        caller.require(Role.ADMIN, "keep the no-contact list");
        Map<Integer, List<FieldError>> refused = new TreeMap<>();
        List<NoContactPair> accepted = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < asked.size(); i++) {
            NewPair one = asked.get(i);
            List<FieldError> errors = new ArrayList<>();
            Person student = student(caller, one.studentId(), one.studentNumber(), "studentId", "studentNumber",
                    errors);
            Person other = student(caller, one.otherStudentId(), one.otherStudentNumber(), "otherStudentId",
                    "otherStudentNumber", errors);
            check(one, student, other, errors);
            if (errors.isEmpty()) {
                NoContactPair pair = new NoContactPair(caller.districtId(), student.getId(), other.getId(),
                        blankToNull(one.note()), one.from(), one.until(), clock.instant());
                String otherField = one.otherStudentId() != null && !one.otherStudentId().isBlank() ? "otherStudentId"
                        : "otherStudentNumber";
                if (!seen.add(pair.getStudentId() + "/" + pair.getPartnerId())) {
                    errors.add(new FieldError(otherField, "The same two students are paired on an earlier row."));
                }
                else if (existing(student, other)) {
                    errors.add(new FieldError(otherField, "These two students are already a no-contact pair."));
                }
                accepted.add(pair);
            }
            if (!errors.isEmpty()) {
                refused.put(i, errors);
            }
        }
        if (save && refused.isEmpty()) {
            List<NoContactPair> saved;
            try {
                saved = pairs.saveAllAndFlush(accepted);
            }
            catch (DataIntegrityViolationException e) {
                // Another administrator added one of these pairs since it was checked:
                // nothing of this file is kept.
                throw duplicate();
            }
            for (NoContactPair pair : saved) {
                changes.save(
                        new NoContactChange(pair, NoContactChange.Action.ADDED, caller.signedInId(), clock.instant()));
            }
        }
        return refused;
    }

    private Person student(Caller caller, String id, String number, String idField, String numberField,
            List<FieldError> errors) {
        if (id != null && !id.isBlank()) {
            return people.findByIdAndDistrictId(id.strip(), caller.districtId())
                .filter(p -> onRoster(caller, p))
                .orElseGet(() -> {
                    errors.add(new FieldError(idField, "There is no student " + id.strip() + " in your district."));
                    return null;
                });
        }
        if (number != null && !number.isBlank()) {
            List<Person> found = people.findByDistrictIdAndStudentNumber(caller.districtId(), number.strip())
                .stream()
                .filter(p -> onRoster(caller, p))
                .toList();
            if (found.size() == 1) {
                return found.get(0);
            }
            errors.add(new FieldError(numberField, found.isEmpty()
                    ? "There is no student with number " + number.strip() + " in your district."
                    : "Several students of your district have number " + number.strip() + "; give their id instead."));
            return null;
        }
        errors.add(new FieldError(idField, "Give the student's id (" + idField + ") or number (" + numberField + ")."));
        return null;
    }

    /**
     * A student the caller may pair: on a school's roster, and of the caller's school for
     * a school's admin.
     */
    private static boolean onRoster(Caller caller, Person p) {
        return p.has(Role.STUDENT) && p.getSchoolId() != null && !p.isRemoved() && ofCallersSchools(caller, p);
    }

    /**
     * Everybody of the district for a district administrator; an administrator of one
     * school sees its own.
     */
    private static boolean ofCallersSchools(Caller caller, Person p) {
        return p != null && (caller.schoolId() == null || caller.schoolId().equals(p.getSchoolId()));
    }

    private static void check(NewPair asked, Person student, Person other, List<FieldError> errors) {
        if (student != null && other != null && student.getId().equals(other.getId())) {
            errors.add(new FieldError(asked.otherStudentId() != null && !asked.otherStudentId().isBlank()
                    ? "otherStudentId" : "otherStudentNumber", "A student cannot be paired with themselves."));
        }
        if (asked.from() != null && asked.until() != null && asked.until().isBefore(asked.from())) {
            errors.add(new FieldError("until",
                    "The pair ends (" + asked.until() + ") before it starts (" + asked.from() + ")."));
        }
        if (asked.note() != null && asked.note().length() > 500) {
            errors.add(new FieldError("note", "The note is longer than 500 characters."));
        }
        HiddenCharacters.in(asked.note(), true)
            .ifPresent(message -> errors.add(new FieldError("note", "The note " + message)));
    }

    private boolean existing(Person student, Person other) {
        NoContactPair ordered = new NoContactPair(student.getDistrictId(), student.getId(), other.getId());
        return pairs.findByStudentIdAndPartnerId(ordered.getStudentId(), ordered.getPartnerId()).isPresent();
    }

    private void refuseDuplicate(Person student, Person other) {
        if (existing(student, other)) {
            throw duplicate();
        }
    }

    private static ApiProblem duplicate() {
        return ApiProblem.conflict("duplicate-no-contact-pair", "Already a no-contact pair",
                "These two students are already a no-contact pair; remove it first to change its dates.");
    }

    private Map<String, Person> people(Stream<String> ids) {
        List<String> distinct = ids.distinct().toList();
        Map<String, Person> named = new HashMap<>();
        people.findAllById(distinct).forEach(p -> named.put(p.getId(), p));
        return named;
    }

    private static StudentRef ref(Map<String, Person> named, String id) {
        Person p = named.get(id);
        return p == null ? new StudentRef(id, null, null) : StudentRef.of(p);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

}
