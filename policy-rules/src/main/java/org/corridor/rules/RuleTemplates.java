package org.corridor.rules;

import java.util.List;

/**
 * Starter rules an administrator inserts into a draft and then changes: one for each kind
 * of policy districts ask for. Their names differ from the default rule set's, so that
 * each can be added to it as it is; every one passes the guard and compiles
 * (RuleTemplatesTest).
 */
public final class RuleTemplates {

    /**
     * One starter rule: {@code drl} is a whole rule, {@code rule "..."} to {@code end},
     * without the package line.
     */
    public record RuleTemplate(String id, String name, String description, String drl) {
    }

    private static final List<RuleTemplate> ALL = List.of(
            new RuleTemplate("daily-limit", "Daily limit",
                    "Flags a request once the student has had this many passes today.", """
                            // At most 3 passes a day; change the number in both places.
                            rule "Daily limit of 3"
                            when
                                StudentUsage( passesToday >= 3, $used : passesToday )
                            then
                                insert(new Flag("DAILY_LIMIT_3", Severity.WARN,
                                    "Daily limit: " + $used + " passes today, the limit is 3"));
                            end
                            """),
            new RuleTemplate("weekly-limit", "Weekly limit",
                    "Flags a request once the student has had this many passes this week (from Monday).", """
                            // At most 10 passes a week.
                            rule "Weekly limit of 10"
                            when
                                StudentUsage( passesThisWeek >= 10, $used : passesThisWeek )
                            then
                                insert(new Flag("WEEKLY_LIMIT_10", Severity.WARN,
                                    "Weekly limit: " + $used + " passes this week, the limit is 10"));
                            end
                            """),
            new RuleTemplate("destination-cap", "Destination cap",
                    "Flags a request to one destination when that many students are there already.", """
                            // At most 2 students at the Nurse at once; the name is the destination's name.
                            rule "Nurse cap of 2"
                            when
                                $d : DestinationStatus( name == "Nurse", occupancy >= 2 )
                            then
                                insert(new Flag("NURSE_CAP", Severity.WARN,
                                    $d.getName() + " cap: " + $d.getOccupancy() + " already there, the cap is 2"));
                            end
                            """),
            new RuleTemplate("blackout-start", "Blackout at period start",
                    "Flags a request in the first minutes of a period.", """
                            // No passes in the first 5 minutes of a period.
                            rule "Blackout in the first 5 minutes"
                            when
                                $p : PeriodTiming( minutesSinceStart < 5 )
                            then
                                insert(new Flag("BLACKOUT_FIRST_5", Severity.WARN,
                                    "First 5 minutes of " + $p.getPeriodName() + ": passes are discouraged"));
                            end
                            """),
            new RuleTemplate("blackout-end", "Blackout at period end",
                    "Flags a request in the last minutes of a period.", """
                            // No passes in the last 5 minutes of a period.
                            rule "Blackout in the last 5 minutes"
                            when
                                $p : PeriodTiming( minutesToEnd < 5 )
                            then
                                insert(new Flag("BLACKOUT_LAST_5", Severity.WARN,
                                    "Last 5 minutes of " + $p.getPeriodName() + ": passes are discouraged"));
                            end
                            """),
            new RuleTemplate("cooldown", "Cooldown",
                    "Flags a request made too soon after the student's last pass ended.", """
                            // At least 30 minutes between the end of one pass and the next.
                            rule "Cooldown of 30 minutes"
                            when
                                StudentUsage( minutesSinceLastPass < 30, $since : minutesSinceLastPass )
                            then
                                insert(new Flag("COOLDOWN_30", Severity.WARN,
                                    "Last pass ended " + $since + " minutes ago; the cooldown is 30 minutes"));
                            end
                            """),
            new RuleTemplate("no-contact", "No-contact",
                    "Flags a request while a no-contact partner is out; the student is not told who.",
                    """
                            // Staff see who is out and where; the student reads only the second message.
                            rule "No-contact partner out"
                            when
                                $n : NoContactOut()
                            then
                                insert(new Flag("NO_CONTACT_OUT", Severity.WARN,
                                    "No-contact: " + $n.getPartnerName() + " is out (" + $n.getPartnerDestination() + ")",
                                    "A no-contact restriction applies to this request"));
                            end
                            """),
            new RuleTemplate("hallway-cap", "Hallway cap",
                    "Flags a request when this many students of the school are out.", """
                            // At most 15 students in the hallways at once.
                            rule "Hallway cap of 15"
                            when
                                HallStatus( studentsOut >= 15, $out : studentsOut )
                            then
                                insert(new Flag("HALLWAY_CAP_15", Severity.WARN,
                                    "Hallways: " + $out + " students out, the cap is 15"));
                            end
                            """),
            new RuleTemplate("block", "Block (deny at once)",
                    "A BLOCK flag denies the request by itself, without the teacher.", """
                            // BLOCK denies the request at once: use it only where no teacher should decide.
                            rule "Block a closed destination"
                            when
                                $d : DestinationStatus( open == false )
                            then
                                insert(new Flag("CLOSED_BLOCK", Severity.BLOCK,
                                    $d.getName() + " is closed",
                                    $d.getName() + " is closed right now; choose another destination"));
                            end
                            """));

    private RuleTemplates() {
    }

    public static List<RuleTemplate> all() {
        return ALL;
    }

}
