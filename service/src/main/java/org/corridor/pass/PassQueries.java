package org.corridor.pass;

import java.time.Clock;
import java.util.List;

import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.corridor.person.Role;
import org.corridor.problem.ApiProblem;
import org.corridor.security.Caller;

/** Reading passes: one pass, the staff list, and the teacher's Requests tab. */
@Service
public class PassQueries {
    static final int LIST_LIMIT = 200;

    private final PassRepository passes;
    private final PassAccess access;
    private final PassViews views;
    private final PassEvents events;
    private final Clock clock;

    PassQueries(PassRepository passes, PassAccess access, PassViews views, PassEvents events, Clock clock) {
        this.passes = passes;
        this.access = access;
        this.views = views;
        this.events = events;
        this.clock = clock;
    }

    /** Opening a request is what "seen" means: the routed teacher's first look is recorded. */
    @Transactional
    public PassView open(Caller caller, String passId) {
        Pass pass = access.readable(caller, passId);
        if (pass.getState() == PassState.PENDING && pass.getRoutedToId().equals(caller.id())
                && pass.markSeen(clock.instant())) {
            events.record(pass, "SEEN", caller.id(), pass.getState(), null);
        }
        return views.of(pass, caller);
    }

    @Transactional(readOnly = true)
    public List<PassView> list(Caller caller, PassState state, String schoolId, String studentId) {
        if (!caller.isStaff()) {
            throw ApiProblem.forbidden("Only staff can list passes.");
        }
        String involved = caller.is(Role.ADMIN) || caller.is(Role.AUDITOR) ? null : caller.id();
        return passes.search(caller.districtId(), state, schoolId, studentId, involved, Limit.of(LIST_LIMIT))
                .stream().map(p -> views.of(p, caller)).toList();
    }

    /** The Requests tab: pending requests sent to me, newest first. Listing them is their delivery. */
    @Transactional
    public List<PassView> requestsFor(Caller caller) {
        caller.require(Role.TEACHER, "have a Requests tab");
        List<Pass> pending = passes.findByRoutedToIdAndStateOrderByRequestedAtDesc(caller.id(), PassState.PENDING);
        pending.stream().filter(p -> p.markDelivered(clock.instant()))
                .forEach(p -> events.record(p, "DELIVERED", caller.id(), p.getState(), null));
        return pending.stream().map(p -> views.of(p, caller)).toList();
    }
}
