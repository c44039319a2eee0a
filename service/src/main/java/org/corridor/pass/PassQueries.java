package org.corridor.pass;

import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.corridor.person.Role;
import org.corridor.problem.ApiProblem;
import org.corridor.reads.ReadLog;
import org.corridor.security.Caller;

/**
 * Reading passes without writing anything: the staff list, a student's own, and the
 * kiosk's look-up.
 */
@Service
public class PassQueries {

    static final int LIST_LIMIT = 200;

    private final PassRepository passes;

    private final PassAccess access;

    private final PassViews views;

    private final KioskStudents kioskStudents;

    private final ReadLog reads;

    PassQueries(PassRepository passes, PassAccess access, PassViews views, KioskStudents kioskStudents, ReadLog reads) {
        this.reads = reads;
        this.passes = passes;
        this.access = access;
        this.views = views;
        this.kioskStudents = kioskStudents;
    }

    @Transactional(readOnly = true)
    public List<PassView> list(Caller caller, PassState state, String schoolId, String studentId) {
        if (caller.isKiosk()) {
            throw ApiProblem.forbidden("A kiosk finds a student's pass with ?studentNumber=.");
        }
        if (caller.is(Role.STUDENT) && !caller.isStaff()) {
            // A student's own passes, whatever device they were asked for on.
            if (studentId != null && !studentId.equals(caller.id())) {
                throw ApiProblem.forbidden("A student can only list their own passes.");
            }
            return passes.search(caller.districtId(), state, null, caller.id(), null, Limit.of(LIST_LIMIT))
                .stream()
                .map(p -> views.of(p, caller))
                .toList();
        }
        if (!caller.isStaff()) {
            throw ApiProblem.forbidden("Only staff can list passes.");
        }
        String involved = caller.is(Role.ADMIN) || caller.is(Role.AUDITOR) ? null : caller.id();
        List<Pass> found = passes.search(caller.districtId(), state, schoolId, studentId, involved,
                Limit.of(LIST_LIMIT));
        reads.students(caller, ReadLog.What.LIST, "GET /api/passes", null,
                found.stream().map(Pass::getStudentId).distinct().toList());
        return found.stream().map(p -> views.of(p, caller)).toList();
    }

    /**
     * At a kiosk: the student's open pass that leaves from or arrives at the kiosk's
     * room, if any. An unknown number or a wrong PIN is a 400 (and counts towards the
     * kiosk's slow-down); the answer names the student by first name and last initial.
     */
    @Transactional(readOnly = true)
    public List<PassView> atKiosk(Caller caller, String studentNumber, String pin) {
        caller.require(Role.KIOSK, "look a student up by number");
        return Optional.of(kioskStudents.identify(caller, studentNumber, pin))
            .flatMap(student -> passes.findOpenFor(student.getId()))
            .filter(pass -> access.isAtKiosk(caller, pass))
            .map(pass -> List.of(views.of(pass, caller)))
            .orElse(List.of());
    }

}
