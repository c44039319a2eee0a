package org.corridor.pass;

import java.time.Clock;
import java.util.List;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import org.corridor.location.Location;
import org.corridor.location.LocationRepository;
import org.corridor.location.Occupancy;
import org.corridor.person.Person;
import org.corridor.person.PersonRepository;
import org.corridor.person.Role;
import org.corridor.school.EscalateTo;
import org.corridor.school.School;
import org.corridor.school.SchoolRepository;
import org.corridor.section.Section;
import org.corridor.section.SectionRepository;
import org.corridor.workflow.pass.PassTransitions;

/**
 * What the pass-lifecycle process does to a pass when it reaches a step. Runs inside the
 * engine's transaction (the caller's, or the job executor's for a timer), so the engine's
 * step, the pass's new state, its audit line and its notifications commit together or not
 * at all.
 */
@Component
class RecordedPassTransitions implements PassTransitions {

    private final PassRepository passes;

    private final PassEvents events;

    private final PassNotices notices;

    private final LocationRepository locations;

    private final Occupancy occupancy;

    private final SchoolRepository schools;

    private final SectionRepository sections;

    private final PersonRepository people;

    private final Clock clock;

    private final Places places;

    RecordedPassTransitions(PassRepository passes, PassEvents events, PassNotices notices, LocationRepository locations,
            Occupancy occupancy, SchoolRepository schools, SectionRepository sections, PersonRepository people,
            Clock clock, Places places) {
        this.places = places;
        this.passes = passes;
        this.events = events;
        this.notices = notices;
        this.locations = locations;
        this.occupancy = occupancy;
        this.schools = schools;
        this.sections = sections;
        this.people = people;
        this.clock = clock;
    }

    /**
     * Staff-made passes (proxy, appointment) carry their approval with them. An auto pass
     * starts by itself only where the destination allows it, is open, has a free place
     * nobody waits for, and the school's hallway limit is not reached ({@link Places});
     * otherwise it becomes a normal request and says why (a teacher must see a closed or
     * full destination before anyone goes there), or joins the line where the school lets
     * auto passes wait ({@link #joinsLine}). The place is counted under the destination's
     * lock, which {@link RecordedPolicyCheck#blocks} took for this pass and which is held
     * until it is active and committed, so two auto passes (on any instance) never both
     * take the last place.
     */
    @Override
    public boolean startsWithoutApproval(String passId) {
        Pass pass = load(passId);
        return switch (pass.getPassType()) {
            case PROXY, APPOINTMENT -> true;
            case REGULAR -> false;
            case AUTO -> {
                Location destination = locations.getReferenceById(pass.getDestinationId());
                Places.Place place = destination.isAutoPassAllowed() ? places.placeFor(pass) : null;
                if (place != null && place.free()) {
                    yield true;
                }
                String refused = place == null ? destination.getName() + " does not allow auto passes" : place.reason();
                pass.refuseAutoPass(refused
                        + (waits(pass, place) ? ", so you are in line for a place." : ", so your request was sent to "
                                + people.getReferenceById(pass.getRoutedToId()).getName() + " for approval."));
                yield false;
            }
        };
    }

    /**
     * An auto pass that found no place joins the line where the school lets auto passes
     * wait: asked right after {@link #startsWithoutApproval}, in the same transaction and
     * under the same locks, so the place reads the same.
     */
    @Override
    public boolean joinsLine(String passId) {
        Pass pass = load(passId);
        if (pass.getPassType() != PassType.AUTO
                || !locations.getReferenceById(pass.getDestinationId()).isAutoPassAllowed()) {
            return false;
        }
        return waits(pass, places.placeFor(pass));
    }

    private boolean waits(Pass pass, Places.Place place) {
        return place != null && place.kind().waitable()
                && schools.getReferenceById(pass.getSchoolId()).isAutoPassesWait();
    }

    @Override
    public void joinLine(String passId) {
        Pass pass = load(passId);
        PassState from = pass.getState();
        pass.joinLine(clock.instant());
        long position = passes.waitingAhead(pass.getDestinationId(), pass.getWaitingSince(), pass.getId()) + 1;
        events.recordBySystem(pass, PassEventKind.JOINED_LINE, from,
                "In line for " + locations.getReferenceById(pass.getDestinationId()).getName() + ", position "
                        + position + (from == PassState.REQUESTED ? "; " + pass.getAutoPassRefused() : ""));
        if (from == PassState.PENDING) {
            notices.settle(pass);
        }
        notices.joinedLine(pass, position);
    }

    @Override
    public void expireWaiting(String passId) {
        Pass pass = load(passId);
        School school = schools.getReferenceById(pass.getSchoolId());
        PassState from = pass.getState();
        pass.expire(clock.instant(),
                "No place at " + locations.getReferenceById(pass.getDestinationId()).getName() + " freed within "
                        + school.getWaitingExpiryMinutes() + " minutes. Ask again, or speak to your teacher.",
                occupancy);
        events.recordBySystem(pass, PassEventKind.EXPIRED, from, pass.getEndReason());
        notices.expired(pass);
    }

    @Override
    public void route(String passId) {
        Pass pass = load(passId);
        pass.route();
        events.recordBySystem(pass, PassEventKind.ROUTED, PassState.REQUESTED, "Sent to "
                + people.getReferenceById(pass.getRoutedToId()).getName()
                + (pass.getDepartingRoomId() == null ? ""
                        : ", " + locations.getReferenceById(pass.getDepartingRoomId()).getName())
                + "; flags: " + flagList(pass)
                + (pass.getAutoPassRefused() != null ? "; auto pass refused: " + pass.getAutoPassRefused() : ""));
        notices.requestSent(pass);
    }

    @Override
    public void activate(String passId) {
        Pass pass = load(passId);
        boolean approved = pass.getState() == PassState.PENDING;
        boolean waited = pass.getState() == PassState.WAITING;
        pass.activate(clock.instant(), occupancy);
        if (waited) {
            events.recordBySystem(pass, PassEventKind.PLACE_FREED, PassState.WAITING,
                    "A place freed at " + locations.getReferenceById(pass.getDestinationId()).getName()
                            + "; waited since " + pass.getWaitingSince());
            notices.placeFreed(pass);
        }
        else if (approved) {
            notices.settle(pass);
            notices.approved(pass);
        }
        else {
            events.recordBySystem(pass, PassEventKind.STARTED, PassState.REQUESTED,
                    pass.getPassType() + " pass started without " + "approval; flags: " + flagList(pass));
            notices.started(pass);
        }
        notices.onTheWay(pass);
    }

    @Override
    public void deny(String passId) {
        Pass pass = load(passId);
        PassState from = pass.getState();
        pass.deny(clock.instant(), occupancy);
        if (from == PassState.REQUESTED) {
            events.recordBySystem(pass, PassEventKind.DENIED_BY_POLICY, from, pass.getDenyReason());
        }
        notices.settle(pass);
        notices.denied(pass);
    }

    @Override
    public void cancel(String passId) {
        Pass pass = load(passId);
        pass.cancel(clock.instant(), occupancy);
        notices.settle(pass);
    }

    /**
     * The teacher has not opened it: pop it up again. Opened but undecided requests are
     * left to the teacher.
     */
    @Override
    public void announceAgain(String passId) {
        Pass pass = load(passId);
        if (!pass.isUnseenRequest()) {
            return;
        }
        pass.recordReannounced(clock.instant());
        events.recordBySystem(pass, PassEventKind.ANNOUNCED_AGAIN, pass.getState(), "Not opened yet; announced again");
        notices.requestAgain(pass);
    }

    /**
     * Still unopened: tell the school's escalation contacts, who may then decide it.
     * Without co-teachers the administrators hear of it, so an escalation always reaches
     * someone.
     */
    @Override
    public void escalate(String passId) {
        Pass pass = load(passId);
        if (!pass.isUnseenRequest()) {
            return;
        }
        School school = schools.getReferenceById(pass.getSchoolId());
        List<Person> contacts = escalationContacts(pass, school);
        pass.recordEscalated(clock.instant());
        events.recordBySystem(pass, PassEventKind.ESCALATED, pass.getState(),
                "Not opened; escalated to " + contacts.stream().map(Person::getId).collect(Collectors.joining(", ")));
        notices.escalated(pass, contacts);
    }

    private List<Person> escalationContacts(Pass pass, School school) {
        if (school.getEscalateTo() == EscalateTo.CO_TEACHERS) {
            Section section = sections.getReferenceById(pass.getDepartingSectionId());
            List<Person> coTeachers = people.findAllById(section.getCoTeacherIds())
                .stream()
                .filter(p -> !p.isRemoved())
                .toList();
            if (!coTeachers.isEmpty()) {
                return coTeachers;
            }
        }
        return people.findResponsibleFor(pass.getDistrictId(), pass.getSchoolId(), Role.ADMIN);
    }

    @Override
    public void expire(String passId) {
        Pass pass = load(passId);
        School school = schools.getReferenceById(pass.getSchoolId());
        PassState from = pass.getState();
        pass.expire(clock.instant(),
                "No decision within " + school.getRequestExpiryMinutes() + " minutes: "
                        + people.getReferenceById(pass.getRoutedToId()).getName()
                        + (pass.getSeenAt() == null ? " never opened it." : " opened it but did not decide.")
                        + " Ask again, or speak to your teacher.",
                occupancy);
        events.recordBySystem(pass, PassEventKind.EXPIRED, from, pass.getEndReason());
        notices.settle(pass);
        notices.expired(pass);
    }

    @Override
    public void markLongRunning(String passId) {
        Pass pass = load(passId);
        PassState from = pass.getState();
        pass.markLongRunning(clock.instant());
        events.recordBySystem(pass, PassEventKind.LONG_RUNNING, from,
                "Out longer than " + schools.getReferenceById(pass.getSchoolId()).getLongRunningMinutes() + " minutes");
        notices.longRunning(pass);
    }

    @Override
    public void endBySystem(String passId) {
        Pass pass = load(passId);
        PassState from = pass.getState();
        pass.endBySystem(
                clock.instant(), "Ended after the school's limit of "
                        + schools.getReferenceById(pass.getSchoolId()).getAutoEndMinutes() + " minutes out.",
                occupancy);
        events.recordBySystem(pass, PassEventKind.ENDED_BY_SYSTEM, from, pass.getEndReason());
        notices.endedBySystem(pass);
    }

    @Override
    public void complete(String passId) {
        load(passId).complete(clock.instant(), occupancy);
    }

    private static String flagList(Pass pass) {
        return pass.flagCodes().isEmpty() ? "none" : String.join(", ", pass.flagCodes().stream().sorted().toList());
    }

    private Pass load(String passId) {
        return passes.findById(passId)
            .orElseThrow(() -> new IllegalStateException("the process of pass " + passId + " has no pass"));
    }

}
