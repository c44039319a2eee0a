package org.corridor.audit;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.corridor.person.PersonRepository;
import org.corridor.person.Role;
import org.corridor.problem.ApiProblem;
import org.corridor.problem.FieldError;
import org.corridor.problem.InvalidInput;
import org.corridor.security.Caller;

/**
 * The search box of the auditor's console: people of the district by the start of a name,
 * or a student by number, so that an auditor searches passes by a name rather than an id.
 * Names and numbers only; no pass is read, so nothing is recorded.
 */
@Service
public class AuditPeople {

    static final int MAX_ANSWERS = 20;

    private static final Set<String> KNOWN = Set.of("q", "role");

    private final PersonRepository people;

    AuditPeople(PersonRepository people) {
        this.people = people;
    }

    /** One person found: {@code studentNumber} only for students. */
    public record Found(String id, String name, String studentNumber, Role role) {
    }

    @Transactional(readOnly = true)
    public List<Found> find(Caller caller, Map<String, String> query) {
        if (!(caller.is(Role.AUDITOR) || caller.is(Role.ADMIN))) {
            throw ApiProblem.forbidden("Only auditors and administrators can look people up here.");
        }
        List<FieldError> errors = new java.util.ArrayList<>();
        query.keySet()
            .stream()
            .filter(k -> !KNOWN.contains(k))
            .sorted()
            .forEach(k -> errors.add(new FieldError(k, "is not a parameter; parameters are q, role")));
        String q = query.getOrDefault("q", "").strip();
        if (q.isEmpty() || q.length() > 100) {
            errors.add(new FieldError("q", "must be 1 to 100 characters: the start of a name, or a student number"));
        }
        Role role = Role.STUDENT;
        String asked = query.get("role");
        if (asked != null && !asked.isBlank()) {
            try {
                role = Role.valueOf(asked.strip().toUpperCase(Locale.ROOT));
            }
            catch (IllegalArgumentException e) {
                errors.add(new FieldError("role", "must be one of STUDENT, TEACHER, ADMIN, AUDITOR"));
            }
            if (role == Role.KIOSK) {
                errors.add(new FieldError("role", "must be one of STUDENT, TEACHER, ADMIN, AUDITOR"));
            }
        }
        if (!errors.isEmpty()) {
            throw InvalidInput.fields("Invalid look-up", "look-up", errors);
        }
        String prefix = q.toLowerCase(Locale.ROOT).replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
        Role found = role;
        return people.search(caller.districtId(), role, prefix, q, PageRequest.of(0, MAX_ANSWERS))
            .stream()
            .map(p -> new Found(p.getId(), p.getName(), found == Role.STUDENT ? p.getStudentNumber() : null, found))
            .toList();
    }

}
