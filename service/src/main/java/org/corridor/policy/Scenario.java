package org.corridor.policy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.corridor.rules.Accommodation;
import org.corridor.rules.DestinationStatus;
import org.corridor.rules.HallStatus;
import org.corridor.rules.NoContactOut;
import org.corridor.rules.PassRequest;
import org.corridor.rules.PeriodTiming;
import org.corridor.rules.StudentUsage;
import org.corridor.problem.PlainText;

/**
 * The facts of one imagined request, typed in by an administrator to see which rules
 * fire. Every part is optional; a part left out is not inserted, as a period without a
 * bell schedule is not in a real request. The student is a stand-in: an accommodation
 * given here exempts them on the scenario's day.
 */
public record Scenario(@Valid Destination destination, @Valid Usage usage,
        @Min(0) @Max(100_000) Integer hallwayStudentsOut, @Valid Partner noContactPartnerOut, @Valid Period period,
        @Size(max = 200) @PlainText String accommodationRule, @Pattern(regexp = "REGULAR|AUTO|PROXY|APPOINTMENT",
                message = "must be REGULAR, AUTO, PROXY or APPOINTMENT") String passType) {

    /** The requested destination now; a capacity of 0 means no limit. */
    public record Destination(@NotBlank @Size(max = 200) @PlainText String name,
            @NotNull @Min(0) @Max(100_000) Integer capacity, @NotNull @Min(0) @Max(100_000) Integer occupancy,
            Boolean open) {
    }

    /** What the student used already; no minutesSinceLastPass means no pass yet today. */
    public record Usage(@NotNull @Min(0) @Max(1_000) Integer passesToday,
            @NotNull @Min(0) @Max(5_000) Integer passesThisWeek, @Min(0) @Max(100_000) Integer minutesSinceLastPass) {
    }

    public record Partner(@NotBlank @Size(max = 200) @PlainText String name,
            @Size(max = 200) @PlainText String destination) {
    }

    public record Period(@NotBlank @Size(max = 100) @PlainText String name,
            @NotNull @Min(0) @Max(1_440) Integer minutesSinceStart, @NotNull @Min(0) @Max(1_440) Integer minutesToEnd) {
    }

    static final String STUDENT = "scenario-student";

    /** The fact objects handed to the rules, for a request on {@code day}. */
    List<Object> facts(LocalDate day) {
        List<Object> facts = new ArrayList<>();
        facts.add(new PassRequest("scenario", STUDENT, passType == null ? "REGULAR" : passType, "SCENARIO",
                "scenario-destination", "scenario-section", day));
        if (usage != null) {
            facts.add(new StudentUsage(STUDENT, usage.passesToday(), usage.passesThisWeek(),
                    usage.minutesSinceLastPass() == null ? StudentUsage.NO_PASS_YET : usage.minutesSinceLastPass()));
        }
        if (destination != null) {
            facts.add(new DestinationStatus("scenario-destination", destination.name(), destination.capacity(),
                    destination.occupancy(), destination.open() == null || destination.open()));
        }
        if (hallwayStudentsOut != null) {
            facts.add(new HallStatus("scenario-school", hallwayStudentsOut));
        }
        if (noContactPartnerOut != null) {
            facts.add(new NoContactOut(STUDENT, "scenario-partner", noContactPartnerOut.name(),
                    noContactPartnerOut.destination() == null ? "" : noContactPartnerOut.destination()));
        }
        if (period != null) {
            facts.add(new PeriodTiming(period.name(), period.minutesSinceStart(), period.minutesToEnd()));
        }
        if (accommodationRule != null && !accommodationRule.isBlank()) {
            facts.add(new Accommodation(STUDENT, accommodationRule.strip(), day, day));
        }
        return facts;
    }
}
