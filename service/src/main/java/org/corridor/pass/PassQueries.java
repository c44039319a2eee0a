package org.corridor.pass;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import jakarta.persistence.EntityManager;

import org.springframework.data.domain.Limit;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import org.corridor.notification.NotificationDelivered;
import org.corridor.persistence.RestartOnDeadlock;
import org.corridor.person.PersonRepository;
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
    private final PersonRepository people;
    private final EntityManager entities;
    private final Clock clock;

    PassQueries(PassRepository passes, PassAccess access, PassViews views, PassEvents events, PersonRepository people,
                EntityManager entities, Clock clock) {
        this.entities = entities;
        this.people = people;
        this.passes = passes;
        this.access = access;
        this.views = views;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Opening a request is what "seen" means: the routed teacher's first look is recorded. An
     * administrator looking through the teacher's screens is not the teacher seeing it.
     */
    @RestartOnDeadlock
    @Transactional
    public PassView open(Caller caller, String passId) {
        Pass pass = access.readable(caller, passId);
        if (pass.getState() == PassState.PENDING && pass.getRoutedToId().equals(caller.id())
                && !caller.isImpersonated() && passes.markSeen(passId, clock.instant()) == 1) {
            entities.refresh(pass);
            events.record(pass, "SEEN", caller, pass.getState(), null);
        }
        return views.of(pass, caller);
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
                    .stream().map(p -> views.of(p, caller)).toList();
        }
        if (!caller.isStaff()) {
            throw ApiProblem.forbidden("Only staff can list passes.");
        }
        String involved = caller.is(Role.ADMIN) || caller.is(Role.AUDITOR) ? null : caller.id();
        return passes.search(caller.districtId(), state, schoolId, studentId, involved, Limit.of(LIST_LIMIT))
                .stream().map(p -> views.of(p, caller)).toList();
    }

    /** At a kiosk: the student's open pass that leaves from or arrives at the kiosk's room, if any. */
    @Transactional(readOnly = true)
    public List<PassView> atKiosk(Caller caller, String studentNumber) {
        caller.require(Role.KIOSK, "look a student up by number");
        return people.findBySchoolIdAndStudentNumber(caller.schoolId(), studentNumber.strip())
                .flatMap(student -> passes.findOpenFor(student.getId()))
                .filter(pass -> access.isAtKiosk(caller, pass))
                .map(pass -> List.of(views.of(pass, caller)))
                .orElse(List.of());
    }

    /**
     * A request reached the routed teacher's open screen as a live popup. Pushes happen after the
     * sender's commit, so this writes in a transaction of its own.
     */
    @EventListener
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void delivered(NotificationDelivered delivery) {
        if (!delivery.kind().isRequest() || delivery.passId() == null) {
            return;
        }
        passes.findById(delivery.passId())
                .filter(p -> p.getState() == PassState.PENDING && p.getRoutedToId().equals(delivery.recipientId()))
                .filter(p -> passes.markDelivered(p.getId(), delivery.at()) == 1)
                .ifPresent(p -> events.recordBySystem(p, "DELIVERED", p.getState(), "Popped up on the teacher's screen"));
    }

    /**
     * The Requests tab: pending requests sent to me, newest first, then those escalated to me as a
     * co-teacher because their teacher never opened them. Listing a request sent to me is its delivery.
     */
    @RestartOnDeadlock
    @Transactional
    public List<PassView> requestsFor(Caller caller) {
        caller.require(Role.TEACHER, "have a Requests tab");
        List<Pass> pending = passes.findByRoutedToIdAndStateOrderByRequestedAtDesc(caller.id(), PassState.PENDING);
        if (!caller.isImpersonated()) {
            Instant now = clock.instant();
            pending.stream().filter(p -> p.getDeliveredAt() == null && passes.markDelivered(p.getId(), now) == 1)
                    .forEach(p -> {
                        entities.refresh(p);
                        events.record(p, "DELIVERED", caller, p.getState(), null);
                    });
        }
        List<Pass> escalated = passes.findEscalatedToCoTeacher(caller.id());
        return java.util.stream.Stream.concat(pending.stream(), escalated.stream()).map(p -> views.of(p, caller)).toList();
    }
}
