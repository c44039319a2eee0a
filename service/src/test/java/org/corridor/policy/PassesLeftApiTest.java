package org.corridor.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;

import com.fasterxml.jackson.databind.JsonNode;

import org.corridor.rules.DefaultRuleSet;
import org.corridor.testing.ApiTest;
import org.corridor.testing.OnMariaDb;

/**
 * A student's passes left today and this week: the limits the district's rules apply, the
 * passes counted as the rules count them.
 */
@OnMariaDb
class PassesLeftApiTest extends ApiTest {

    @Autowired
    RuleSetRepository ruleSets;

    @Autowired
    AccommodationRepository accommodations;

    @AfterEach
    void restoreTheDefaultRules() {
        String district = person("admin").getDistrictId();
        ruleSets.deleteAll(ruleSets.findByDistrictIdOrderByRuleVersionDesc(district));
        ruleSets.save(RuleSet.active(district, 1, DefaultRuleSet.drl(), person("admin").getId(),
                "Corridor's default rules", Instant.now()));
        accommodations.deleteAll();
    }

    @Test
    void defaultRulesLeaveFourADayAndTwelveAWeek() {
        JsonNode left = get("ava", "/api/me/passes-left").getBody();

        assertThat(left.get("today").get("limit").asInt()).isEqualTo(4);
        assertThat(left.get("today").get("left").asInt()).isEqualTo(4);
        assertThat(left.get("thisWeek").get("limit").asInt()).isEqualTo(12);
    }

    @Test
    void aPassUsedCountsAgainstToday() {
        String id = out("ava", "Restroom");
        post("ava", "/api/passes/" + id + "/end", null);

        JsonNode left = get("ava", "/api/me/passes-left").getBody();

        assertThat(left.get("today").get("used").asInt()).isEqualTo(1);
        assertThat(left.get("today").get("left").asInt()).isEqualTo(3);
        assertThat(left.get("thisWeek").get("left").asInt()).isEqualTo(11);
    }

    @Test
    void theLimitIsTheOneTheActiveRulesApply() {
        String threeADay = DefaultRuleSet.drl()
            .replace("StudentUsage( passesToday >= 4, $used : passesToday )",
                    "StudentUsage( passesToday >= 3, $used : passesToday )");
        assertThat(post("admin", "/api/admin/rule-sets", Map.of("drl", threeADay)).getStatusCode())
            .isEqualTo(HttpStatus.CREATED);
        post("admin", "/api/admin/rule-sets/2/activate", null);

        JsonNode left = get("ava", "/api/me/passes-left").getBody();

        assertThat(left.get("today").get("limit").asInt()).isEqualTo(3);
    }

    @Test
    void noLimitWhereTheRulesHaveNone() {
        String noWeekly = DefaultRuleSet.drl()
            .replace("StudentUsage( passesThisWeek >= 12,", "StudentUsage( passesThisWeek >= 12, passesThisWeek < 0,");
        post("admin", "/api/admin/rule-sets", Map.of("drl", noWeekly));
        post("admin", "/api/admin/rule-sets/2/activate", null);

        JsonNode left = get("ava", "/api/me/passes-left").getBody();

        assertThat(left.get("thisWeek").get("limit").isNull()).isTrue();
        assertThat(left.get("thisWeek").get("left").isNull()).isTrue();
        assertThat(left.get("today").get("limit").asInt()).isEqualTo(4);
    }

    @Test
    void anExemptedStudentHasNoLimit() {
        String district = person("ava").getDistrictId();
        accommodations.save(new Accommodation(district, person("ava").getId(), "Daily pass limit",
                LocalDate.now().minusDays(1), LocalDate.now().plusDays(30), "Medical"));

        JsonNode left = get("ava", "/api/me/passes-left").getBody();

        assertThat(left.get("today").get("limit").isNull()).isTrue();
        assertThat(get("ben", "/api/me/passes-left").getBody().get("today").get("limit").asInt()).isEqualTo(4);
    }

    @Test
    void onlyAStudentHasPassesLeft() {
        assertThat(get("rivera", "/api/me/passes-left").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }

}
