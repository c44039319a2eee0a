package org.corridor.pass;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.corridor.persistence.RestartOnDeadlock;
import org.corridor.person.PersonRepository;
import org.corridor.person.Role;
import org.corridor.problem.ApiProblem;
import org.corridor.rules.RaisedFlag;
import org.corridor.rules.Severity;
import org.corridor.school.School;
import org.corridor.school.SchoolRepository;
import org.corridor.security.Caller;
import org.corridor.workflow.pass.PassLifecycle;

/**
 * Everything that happens to a pass after it was requested: decisions, check-in, end.
 * Each answers the pass as the caller then reads it, made in the same transaction from
 * the entities the step loaded.
 */
@Service
public class PassDecisions {

    private final PassAccess access;

    private final PassLifecycle lifecycle;

    private final PassPolicy policy;

    private final PassEvents events;

    private final PersonRepository people;

    private final PassNotices notices;

    private final PassRepository passes;

    private final PassViews views;

    private final Places places;

    private final SchoolRepository schools;

    /**
     * Flags a teacher need not acknowledge to approve a pass to wait: waiting answers
     * them.
     */
    private static final Set<String> WAITING_ANSWERS = Set.of("DESTINATION_FULL", Places.HALL_LIMIT);

    PassDecisions(PassAccess access, PassLifecycle lifecycle, PassPolicy policy, PassEvents events,
            PersonRepository people, PassNotices notices, PassRepository passes, PassViews views, Places places,
            SchoolRepository schools) {
        this.places = places;
        this.schools = schools;
        this.views = views;
        this.passes = passes;
        this.access = access;
        this.lifecycle = lifecycle;
        this.policy = policy;
        this.events = events;
        this.people = people;
        this.notices = notices;
    }

    /**
     * Rules run again at approval because the facts move (the Restroom may have filled
     * up). A flag the teacher has not seen stops the approval with 409 and the new flags,
     * which are stored for the next look; flags the teacher saw and approved anyway are
     * recorded as an override.
     * <p>
     * Approvals to one destination take turns: the destination's row is locked before the
     * pass is read and the rules count who is out, and stays locked until the pass is
     * active and committed. Two approvals for the last place are so one after the other:
     * the second counts the first and stops on DESTINATION_FULL; a second click on the
     * same request reads it already ACTIVE (409 pass-state). Passes that start without
     * approval take the same lock (see {@link RecordedPolicyCheck#blocks}).
     * <p>
     * {@code waitForPlace}: where the destination (or the school's hallways) has no place
     * now, the pass waits in line (WAITING) and the flags that say so need no
     * acknowledgement; where a place is free, it is a normal approval; a closed
     * destination is refused (409 destination-closed). Without it, a teacher may approve
     * over the hallway limit only where the school allows it (the HALL_LIMIT flag, to be
     * acknowledged), or is refused (409 hall-limit-reached).
     */
    @RestartOnDeadlock
    @Transactional(noRollbackFor = FlagsChanged.class)
    public PassView approve(Caller caller, String passId, Approval approval) {
        Optional<Places.LockedDestination> locked = passes.destinationOf(passId, caller.districtId())
            .flatMap(places::lockForApproval);
        Pass pass = decidable(caller, passId, "approve");
        Places.Place place = locked.map(destination -> places.placeFor(pass, destination))
            .orElseGet(() -> places.placeFor(pass));
        boolean toWait = approval != null && approval.waits() && !place.free();
        if (toWait && place.kind() == Places.Kind.CLOSED) {
            throw ApiProblem.conflict("destination-closed", "Destination closed",
                    place.reason() + ": nobody can wait for a place there. Deny the request, or ask the student to "
                            + "choose another destination.");
        }
        School school = schools.getReferenceById(pass.getSchoolId());
        Optional<RaisedFlag> hallLimit = places.hallLimitFlagLocked(pass);
        if (!toWait && hallLimit.isPresent() && !school.isTeachersMayExceedHallLimit()) {
            throw ApiProblem.conflict("hall-limit-reached", "Hall traffic limit reached",
                    hallLimit.get().message()
                            + ". The school does not let teachers approve over it: approve it to wait for a place "
                            + "(\"waitForPlace\": true), or deny it.");
        }
        PassPolicy.Outcome outcome = policy.evaluate(pass);
        List<RaisedFlag> fresh = Places.with(outcome.flags(), hallLimit);
        Set<String> seen = new HashSet<>(pass.flagCodes());
        if (approval != null && approval.acknowledgedFlags() != null) {
            seen.addAll(approval.acknowledgedFlags());
        }
        if (toWait) {
            // waiting for a place is the answer to a full destination or hallway
            seen.addAll(WAITING_ANSWERS);
        }
        Set<String> unseen = fresh.stream()
            .map(RaisedFlag::code)
            .filter(code -> !seen.contains(code))
            .collect(Collectors.toCollection(HashSet::new));
        pass.recordEvaluation(fresh, outcome.factsJson());
        if (!unseen.isEmpty()) {
            throw new FlagsChanged(pass, unseen);
        }
        if (pass.hasBlockingFlag()) {
            throw ApiProblem.conflict("blocked-by-policy", "Blocked by district policy",
                    "District policy blocks this pass: " + messagesOf(fresh, Severity.BLOCK) + ". Deny it instead.");
        }
        PassState from = pass.getState();
        pass.recordDecider(caller.id());
        String flags = fresh.isEmpty() ? "No flags" : "Approved over flags: "
                + fresh.stream().map(f -> f.code() + " (" + f.severity() + ")").collect(Collectors.joining(", "));
        if (toWait) {
            lifecycle.approveToWait(pass.ref());
            events.record(pass, PassEventKind.APPROVED, caller, from,
                    "Approved to go when a place frees: " + place.reason() + "; " + flags);
        }
        else {
            // the line's time goes on the pass before the lifecycle flushes it, so the
            // pass is written once (the lifecycle writes no line of its own here)
            Instant lineAt = events.reserve(pass);
            lifecycle.approve(pass.ref());
            events.recordAt(pass, lineAt, PassEventKind.APPROVED, caller, from, flags);
        }
        return views.of(pass, caller);
    }

    @RestartOnDeadlock
    @Transactional
    public PassView deny(Caller caller, String passId, Denial denial) {
        Pass pass = decidable(caller, passId, "deny");
        String reason = denial == null || denial.reason() == null || denial.reason().isBlank() ? null
                : denial.reason().strip();
        pass.recordDenyReason(reason);
        pass.recordDecider(caller.id());
        PassState from = pass.getState();
        lifecycle.deny(pass.ref());
        events.record(pass, PassEventKind.DENIED, caller, from,
                reason == null ? "No reason given" : "Reason: " + reason);
        return views.of(pass, caller);
    }

    /**
     * A pending request: the student, the teacher it was sent to (or, once escalated, the
     * escalation contacts) and administrators. A booked appointment before its time: the
     * student, the teacher who booked it and administrators.
     */
    @RestartOnDeadlock
    @Transactional
    public PassView cancel(Caller caller, String passId) {
        Pass pass = access.find(caller, passId);
        boolean scheduled = pass.getState() == PassState.SCHEDULED;
        if (!access.mayCancel(caller, pass)) {
            throw access.refusal(caller, pass, scheduled
                    ? "Only the student, the teacher who booked this appointment, or an administrator can cancel it."
                    : "Only the student, the teacher the request was sent to, or an administrator can cancel it.");
        }
        if (!scheduled && pass.getState() != PassState.WAITING) {
            requireState(pass, PassState.PENDING, "cancelled");
        }
        PassState from = pass.getState();
        if (scheduled) {
            lifecycle.cancelAppointment(pass.ref());
        }
        else {
            lifecycle.cancel(pass.ref());
        }
        events.record(pass, PassEventKind.CANCELLED, caller, from, null);
        if (!access.isOwnPass(caller, pass)) {
            notices.cancelled(pass,
                    caller.isImpersonated() || caller.person() == null ? "staff" : caller.person().getName());
        }
        return views.of(pass, caller);
    }

    @RestartOnDeadlock
    @Transactional
    public PassView checkIn(Caller caller, String passId) {
        Pass pass = access.find(caller, passId);
        if (!(access.mayCheckIn(caller, pass) || caller.is(Role.ADMIN))) {
            throw access.refusal(caller, pass, "Only the teacher at the destination, or for an unstaffed destination "
                    + "the teacher of the class the student left, can check this student in.");
        }
        requireOut(pass, "checked in");
        PassState from = pass.getState();
        lifecycle.checkIn(pass.ref());
        events.record(pass, PassEventKind.CHECKED_IN, caller, from, null);
        if (!access.isOwnPass(caller, pass)) {
            notices.changed(pass, "checked-in");
        }
        return views.of(pass, caller);
    }

    @RestartOnDeadlock
    @Transactional
    public PassView end(Caller caller, String passId) {
        Pass pass = access.find(caller, passId);
        if (!access.mayEnd(caller, pass)) {
            throw access.refusal(caller, pass,
                    "Only the student, staff involved in this pass, or a kiosk in its rooms can end it.");
        }
        requireOut(pass, "ended");
        PassState from = pass.getState();
        lifecycle.end(pass.ref());
        events.record(pass, PassEventKind.ENDED, caller, from, null);
        if (!access.isOwnPass(caller, pass)) {
            notices.changed(pass, "ended");
        }
        return views.of(pass, caller);
    }

    private Pass decidable(Caller caller, String passId, String verb) {
        Pass pass = access.find(caller, passId);
        if (!access.mayDecide(caller, pass)) {
            throw access.refusal(caller, pass,
                    "This request was sent to " + people.getReferenceById(pass.getRoutedToId()).getName()
                            + "; only they can " + verb + " it" + (pass.getEscalatedAt() == null ? "."
                                    : ", or since it was escalated, the class's co-teachers and administrators."));
        }
        requireState(pass, PassState.PENDING, verb.equals("approve") ? "approved" : "denied");
        return pass;
    }

    private static void requireState(Pass pass, PassState expected, String done) {
        if (pass.getState() != expected) {
            throw ApiProblem
                .conflict("pass-state", "Pass changed",
                        "This pass is " + pass.getState() + " and can no longer be " + done + ".")
                .with("state", pass.getState());
        }
    }

    private static void requireOut(Pass pass, String done) {
        if (!PassState.OUT.contains(pass.getState())) {
            throw ApiProblem
                .conflict("pass-state", "Pass not active",
                        "This pass is " + pass.getState() + "; only an active pass can be " + done + ".")
                .with("state", pass.getState());
        }
    }

    private static String messagesOf(List<RaisedFlag> flags, Severity severity) {
        return flags.stream()
            .filter(f -> f.severity() == severity)
            .map(RaisedFlag::message)
            .collect(Collectors.joining("; "));
    }

}
