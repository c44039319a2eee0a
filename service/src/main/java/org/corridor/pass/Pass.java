package org.corridor.pass;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;

import org.hibernate.annotations.OptimisticLock;

import org.corridor.location.Occupancy;
import org.corridor.persistence.Identified;
import org.corridor.rules.RaisedFlag;
import org.corridor.school.HallTraffic;
import org.corridor.rules.Severity;
import org.corridor.workflow.pass.PassRef;

/**
 * A hall pass from the moment it is requested to the moment it ends. Its state is changed
 * only where the pass-lifecycle process says so; this class keeps the timestamps honest,
 * and its destination's count of students out ({@link Occupancy}) right: a change that
 * makes the student out or no longer out goes through {@link #enter}, which asks for the
 * count, so no step can forget it; any other change goes through {@link #move}, which
 * refuses to cross that line.
 */
@Entity
@Table(name = "hall_pass")
public class Pass extends Identified {

    private String districtId;

    private String schoolId;

    private String studentId;

    private String openStudentId;

    @Enumerated(EnumType.STRING)
    private PassType passType;

    @Enumerated(EnumType.STRING)
    private PassChannel channel;

    @Enumerated(EnumType.STRING)
    private PassState state;

    private String departingSectionId;

    private String departingRoomId;

    private String destinationId;

    private String routedToId;

    private String createdById;

    private String idempotencyKey;

    private String note;

    private String denyReason;

    private Instant requestedAt;

    private Instant deliveredAt;

    private Instant seenAt;

    private Instant approvedAt;

    private Instant startedAt;

    private Instant endedAt;

    private String factsSnapshot;

    private Instant startsAt;

    private Instant reannouncedAt;

    private Instant escalatedAt;

    private Instant longRunningAt;

    private String decidedById;

    private String kioskId;

    private String autoPassRefused;

    private String endReason;

    private Instant waitingSince;

    /**
     * When the pass's latest audit line happened ({@link PassEvents}): written with the
     * pass's other changes and left out of its version, so a line on a pass that
     * otherwise does not change (delivered, seen) conflicts with no other writer.
     */
    @OptimisticLock(excluded = true)
    private Instant lastEventAt;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "pass_flag", joinColumns = @JoinColumn(name = "pass_id"))
    @OrderColumn(name = "ordinal")
    private List<PassFlag> flags = new ArrayList<>();

    protected Pass() {
    }

    /**
     * A pass that is open from now: a student's request or auto pass, a teacher's proxy
     * pass, or a kiosk request. It is routed to the main teacher of the section the
     * student leaves.
     */
    public static Pass requested(String districtId, String schoolId, String studentId, PassType type,
            PassChannel channel, String sectionId, String roomId, String destinationId, String routedToId,
            String createdById, String kioskId, String note, String idempotencyKey, Instant now) {
        Pass pass = new Pass();
        pass.districtId = districtId;
        pass.schoolId = schoolId;
        pass.studentId = studentId;
        pass.openStudentId = studentId;
        pass.passType = type;
        pass.channel = channel;
        pass.state = PassState.REQUESTED;
        pass.departingSectionId = sectionId;
        pass.departingRoomId = roomId;
        pass.destinationId = destinationId;
        pass.routedToId = routedToId;
        pass.createdById = createdById;
        pass.kioskId = kioskId;
        pass.note = note;
        pass.idempotencyKey = idempotencyKey;
        pass.requestedAt = now;
        return pass;
    }

    /**
     * An appointment booked ahead of time. It does not hold the student's one open pass
     * until its time comes, so the student can still ask for other passes before it.
     */
    public static Pass scheduled(String districtId, String schoolId, String studentId, String sectionId, String roomId,
            String destinationId, String routedToId, String bookedById, String note, String idempotencyKey,
            Instant startsAt, Instant now) {
        Pass pass = requested(districtId, schoolId, studentId, PassType.APPOINTMENT, PassChannel.STAFF, sectionId,
                roomId, destinationId, routedToId, bookedById, null, note, idempotencyKey, now);
        pass.openStudentId = null;
        pass.state = PassState.SCHEDULED;
        pass.startsAt = startsAt;
        return pass;
    }

    /** The appointment's time has come: it takes the student's one open pass. */
    void claimForAppointment() {
        move(PassState.SCHEDULED, PassState.REQUESTED);
        openStudentId = studentId;
    }

    void route() {
        move(PassState.REQUESTED, PassState.PENDING);
    }

    /**
     * Approved by the routed teacher (PENDING), or starting without approval (REQUESTED).
     */
    void activate(Instant now, Occupancy occupancy) {
        if (state != PassState.PENDING && state != PassState.REQUESTED && state != PassState.WAITING) {
            throw new IllegalStateException("pass " + getId() + " is " + state + " and cannot become active");
        }
        if (state == PassState.PENDING) {
            approvedAt = now;
        }
        startedAt = now;
        enter(PassState.ACTIVE, occupancy);
    }

    /**
     * Approved to go when a place frees (PENDING), or an auto pass that found no place
     * (REQUESTED): in its destination's line from now.
     */
    void joinLine(Instant now) {
        if (state == PassState.PENDING) {
            approvedAt = now;
            move(PassState.PENDING, PassState.WAITING);
        }
        else {
            move(PassState.REQUESTED, PassState.WAITING);
        }
        waitingSince = now;
    }

    void refuseAutoPass(String why) {
        this.autoPassRefused = why;
    }

    void markLongRunning(Instant now) {
        move(PassState.ACTIVE, PassState.LONG_RUNNING);
        longRunningAt = now;
    }

    void endBySystem(Instant now, String why, Occupancy occupancy) {
        close(PassState.ENDED_BY_SYSTEM, now, occupancy);
        endReason = why;
    }

    void expire(Instant now, String why, Occupancy occupancy) {
        close(PassState.EXPIRED, now, occupancy);
        endReason = why;
    }

    void deny(Instant now, Occupancy occupancy) {
        close(PassState.DENIED, now, occupancy);
    }

    void cancel(Instant now, Occupancy occupancy) {
        close(PassState.CANCELLED, now, occupancy);
    }

    void complete(Instant now, Occupancy occupancy) {
        close(PassState.COMPLETED, now, occupancy);
    }

    void recordDecider(String personId) {
        this.decidedById = personId;
    }

    void recordEndReason(String why) {
        this.endReason = why;
    }

    void recordReannounced(Instant now) {
        this.reannouncedAt = now;
    }

    void recordEscalated(Instant now) {
        this.escalatedAt = now;
    }

    boolean isUnseenRequest() {
        return state == PassState.PENDING && seenAt == null;
    }

    void recordDenyReason(String reason) {
        this.denyReason = reason;
    }

    void recordEvaluation(List<RaisedFlag> raised, String facts) {
        flags.clear();
        raised.stream().map(PassFlag::new).forEach(flags::add);
        this.factsSnapshot = facts;
    }

    private void close(PassState to, Instant now, Occupancy occupancy) {
        if (!state.isOpen() && state != PassState.SCHEDULED) {
            throw new IllegalStateException("pass " + getId() + " is already " + state);
        }
        endedAt = now;
        openStudentId = null;
        enter(to, occupancy);
    }

    /** A change that leaves the student where they were: in class, or out. */
    private void move(PassState from, PassState to) {
        if (state != from) {
            throw new IllegalStateException("pass " + getId() + " is " + state + ", expected " + from);
        }
        if (PassState.OUT.contains(from) != PassState.OUT.contains(to)) {
            throw new IllegalArgumentException(from + " to " + to + " changes who is out: that goes through enter");
        }
        state = to;
    }

    /** Any change of state; the destination's count follows the student out and back. */
    private void enter(PassState to, Occupancy occupancy) {
        boolean wasOut = PassState.OUT.contains(state);
        boolean isOut = PassState.OUT.contains(to);
        state = to;
        if (isOut && !wasOut) {
            occupancy.arrived(destinationId, schoolId, hallTraffic());
        }
        else if (wasOut && !isOut) {
            occupancy.left(destinationId, schoolId, hallTraffic());
        }
    }

    /** Who made it, as the hallway limit counts it. */
    public HallTraffic hallTraffic() {
        if (channel == PassChannel.KIOSK) {
            return HallTraffic.KIOSK;
        }
        return passType == PassType.PROXY || passType == PassType.APPOINTMENT ? HallTraffic.TEACHER
                : HallTraffic.STUDENT;
    }

    public Set<String> flagCodes() {
        return flags.stream().map(PassFlag::getCode).collect(Collectors.toSet());
    }

    public boolean hasBlockingFlag() {
        return flags.stream().anyMatch(f -> f.getSeverity() == Severity.BLOCK);
    }

    public String getDistrictId() {
        return districtId;
    }

    /**
     * The pass as its process instances know it: the business key and, as tenant id, the
     * district.
     */
    public PassRef ref() {
        return new PassRef(getId(), districtId);
    }

    public String getSchoolId() {
        return schoolId;
    }

    public String getStudentId() {
        return studentId;
    }

    public PassType getPassType() {
        return passType;
    }

    public PassChannel getChannel() {
        return channel;
    }

    public PassState getState() {
        return state;
    }

    public String getDepartingSectionId() {
        return departingSectionId;
    }

    public String getDepartingRoomId() {
        return departingRoomId;
    }

    public String getDestinationId() {
        return destinationId;
    }

    public String getRoutedToId() {
        return routedToId;
    }

    public String getCreatedById() {
        return createdById;
    }

    public String getIdempotencyKey() {
        return idempotencyKey;
    }

    public String getNote() {
        return note;
    }

    public String getDenyReason() {
        return denyReason;
    }

    public Instant getRequestedAt() {
        return requestedAt;
    }

    public Instant getDeliveredAt() {
        return deliveredAt;
    }

    public Instant getSeenAt() {
        return seenAt;
    }

    public Instant getApprovedAt() {
        return approvedAt;
    }

    public Instant getStartedAt() {
        return startedAt;
    }

    public Instant getEndedAt() {
        return endedAt;
    }

    public List<PassFlag> getFlags() {
        return List.copyOf(flags);
    }

    public String getFactsSnapshot() {
        return factsSnapshot;
    }

    public Instant getStartsAt() {
        return startsAt;
    }

    public Instant getReannouncedAt() {
        return reannouncedAt;
    }

    public Instant getEscalatedAt() {
        return escalatedAt;
    }

    public Instant getLongRunningAt() {
        return longRunningAt;
    }

    public String getDecidedById() {
        return decidedById;
    }

    public String getKioskId() {
        return kioskId;
    }

    public String getAutoPassRefused() {
        return autoPassRefused;
    }

    public String getEndReason() {
        return endReason;
    }

    /** When it joined its destination's waiting line; null if it never waited. */
    Instant getLastEventAt() {
        return lastEventAt;
    }

    void recordLastEvent(Instant at) {
        lastEventAt = at;
    }

    /**
     * What {@link PassRepository#markDelivered} has just written, on a pass detached from
     * its transaction: the answer shows it without reading the pass again.
     */
    void deliveredAsWritten(Instant at, Instant lineAt) {
        deliveredAt = at;
        lastEventAt = lineAt;
    }

    public Instant getWaitingSince() {
        return waitingSince;
    }

}
