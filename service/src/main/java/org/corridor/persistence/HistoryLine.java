package org.corridor.persistence;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.MappedSuperclass;

/**
 * One line of the history of something that holds between two dates (a no-contact pair, a
 * cover): who added or removed it, when, and the dates it had then. Never changed. Each
 * kind of line adds what it is about, in its own table.
 */
@MappedSuperclass
public abstract class HistoryLine extends Identified {

    public enum Action {

        ADDED, REMOVED

    }

    private String districtId;

    @Enumerated(EnumType.STRING)
    private Action action;

    private String actorId;

    private LocalDate fromDate;

    private LocalDate untilDate;

    private Instant changedAt;

    protected HistoryLine() {
    }

    protected HistoryLine(String districtId, Action action, String actorId, LocalDate fromDate, LocalDate untilDate,
            Instant changedAt) {
        this.districtId = districtId;
        this.action = action;
        this.actorId = actorId;
        this.fromDate = fromDate;
        this.untilDate = untilDate;
        this.changedAt = changedAt;
    }

    public Action getAction() {
        return action;
    }

    public String getActorId() {
        return actorId;
    }

    public LocalDate getFromDate() {
        return fromDate;
    }

    public LocalDate getUntilDate() {
        return untilDate;
    }

    public Instant getChangedAt() {
        return changedAt;
    }

}
