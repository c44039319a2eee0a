package org.corridor.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

/**
 * Ava's plan exempts her from the daily pass limit from Monday 2 March to Friday 6 March
 * 2026.
 */
class AccommodationRuleTest {

    private static final LocalDate FIRST_DAY = LocalDate.of(2026, 3, 2);

    private static final LocalDate LAST_DAY = LocalDate.of(2026, 3, 6);

    private static final Accommodation AVA_DAILY_LIMIT = new Accommodation("ava", "Daily pass limit", FIRST_DAY,
            LAST_DAY);

    @Test
    void exemptOnTheFirstDay() {
        var flags = DefaultRules.evaluate(DefaultRules.requestBy("ava", FIRST_DAY), overDailyLimit("ava"),
                AVA_DAILY_LIMIT);

        assertThat(flags).isEmpty();
    }

    @Test
    void exemptOnTheLastDay() {
        var flags = DefaultRules.evaluate(DefaultRules.requestBy("ava", LAST_DAY), overDailyLimit("ava"),
                AVA_DAILY_LIMIT);

        assertThat(flags).isEmpty();
    }

    @Test
    void notExemptTheDayBefore() {
        var flags = DefaultRules.evaluate(DefaultRules.requestBy("ava", FIRST_DAY.minusDays(1)), overDailyLimit("ava"),
                AVA_DAILY_LIMIT);

        assertThat(flags).extracting(RaisedFlag::code).containsExactly("PASS_LIMIT_DAILY");
    }

    @Test
    void notExemptTheDayAfter() {
        var flags = DefaultRules.evaluate(DefaultRules.requestBy("ava", LAST_DAY.plusDays(1)), overDailyLimit("ava"),
                AVA_DAILY_LIMIT);

        assertThat(flags).extracting(RaisedFlag::code).containsExactly("PASS_LIMIT_DAILY");
    }

    @Test
    void exemptionFromAnotherRuleLeavesThisOneRaised() {
        var cooldownOnly = new Accommodation("ava", "Cooldown between passes", FIRST_DAY, LAST_DAY);

        var flags = DefaultRules.evaluate(DefaultRules.requestBy("ava", FIRST_DAY), overDailyLimit("ava"),
                cooldownOnly);

        assertThat(flags).extracting(RaisedFlag::code).containsExactly("PASS_LIMIT_DAILY");
    }

    @Test
    void anotherStudentsAccommodationExemptsNobodyElse() {
        var flags = DefaultRules.evaluate(DefaultRules.requestBy("ben", FIRST_DAY), overDailyLimit("ben"),
                AVA_DAILY_LIMIT);

        assertThat(flags).extracting(RaisedFlag::code).containsExactly("PASS_LIMIT_DAILY");
    }

    @Test
    void onlyTheExemptedRuleIsDropped() {
        var flags = DefaultRules.evaluate(DefaultRules.requestBy("ava", FIRST_DAY), overDailyLimit("ava"),
                DefaultRules.restroom(2, 2), AVA_DAILY_LIMIT);

        assertThat(flags).extracting(RaisedFlag::code).containsExactly("DESTINATION_FULL");
    }

    @Test
    void withoutAPassRequestNoExemptionApplies() {
        var flags = DefaultRules.evaluate(overDailyLimit("ava"), AVA_DAILY_LIMIT);

        assertThat(flags).extracting(RaisedFlag::code).containsExactly("PASS_LIMIT_DAILY");
    }

    /** Four passes today, none in the last hour: over the daily limit only. */
    private static StudentUsage overDailyLimit(String studentId) {
        return new StudentUsage(studentId, 4, 4, 60);
    }

}
