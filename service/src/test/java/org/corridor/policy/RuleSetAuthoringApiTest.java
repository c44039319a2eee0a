package org.corridor.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
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
 * What the policy console asks of the API: the vocabulary, templates, checks, dry-runs
 * and roll-back.
 */
@OnMariaDb
class RuleSetAuthoringApiTest extends ApiTest {

    static final String MISTAKE = """
            package org.corridor.rules;

            rule "Restroom limit 1"
            when
                $d : DestinationStatus( name == "Restroom", ocupancy >= 1 )
            then
                insert(new Flag("RESTROOM_LIMIT_1", Severity.WARN, "Restroom limit 1"));
            end
            """;

    @Autowired
    RuleSetRepository ruleSets;

    @AfterEach
    void restoreTheDefaultRules() {
        String district = person("admin").getDistrictId();
        ruleSets.deleteAll(ruleSets.findByDistrictIdOrderByRuleVersionDesc(district));
        ruleSets.save(RuleSet.active(district, 1, DefaultRuleSet.drl(), person("admin").getId(),
                "Corridor's default rules", Instant.now()));
    }

    @Test
    void factModelListsEveryTypeAndPropertyTheGuardAccepts() {
        JsonNode model = get("admin", "/api/admin/rule-sets/fact-model").getBody();

        assertThat(model.get("factTypes").findValuesAsText("name")).contains("StudentUsage", "DestinationStatus",
                "NoContactOut", "PeriodTiming", "HallStatus", "Accommodation", "PassRequest");
        JsonNode destination = model.get("factTypes").get(2);
        assertThat(destination.get("name").asText()).isEqualTo("DestinationStatus");
        assertThat(destination.get("properties")).anySatisfy(p -> {
            assertThat(p.get("name").asText()).isEqualTo("occupancy");
            assertThat(p.get("getter").asText()).isEqualTo("getOccupancy");
            assertThat(p.get("type").asText()).isEqualTo("int");
        });
        assertThat(model.get("severities").toString()).contains("WARN", "BLOCK");
    }

    @Test
    void everyTemplateAddedToTheDefaultRulesPassesTheCheck() {
        JsonNode templates = get("admin", "/api/admin/rule-sets/templates").getBody();

        assertThat(templates.findValuesAsText("id")).contains("daily-limit", "weekly-limit", "destination-cap",
                "blackout-start", "blackout-end", "cooldown", "no-contact", "hallway-cap", "block");
        templates.forEach(template -> {
            JsonNode check = post("admin", "/api/admin/rule-sets/check",
                    Map.of("drl", DefaultRuleSet.drl() + "\n" + template.get("drl").asText()))
                .getBody();
            assertThat(check.get("valid").asBoolean()).as(template.get("id").asText()).isTrue();
        });
    }

    @Test
    void checkPlacesEachProblemAtItsLineAndColumnWithTheReasonAndStoresNothing() {
        var answer = post("admin", "/api/admin/rule-sets/check", Map.of("drl", MISTAKE));

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(answer.getBody().get("valid").asBoolean()).isFalse();
        assertThat(answer.getBody().get("problems")).singleElement().satisfies(problem -> {
            assertThat(problem.get("line").asInt()).isEqualTo(5);
            assertThat(problem.get("column").asInt())
                .isEqualTo(MISTAKE.lines().toList().get(4).indexOf("ocupancy") + 1);
            assertThat(problem.get("reason").asText()).contains("ocupancy").contains("DestinationStatus");
        });
        assertThat(ruleSets.findByDistrictIdOrderByRuleVersionDesc(person("admin").getDistrictId())).hasSize(1);
    }

    @Test
    void checkOfACorrectTextIsValid() {
        JsonNode check = post("admin", "/api/admin/rule-sets/check",
                Map.of("drl", MISTAKE.replace("ocupancy", "occupancy")))
            .getBody();

        assertThat(check.get("valid").asBoolean()).isTrue();
        assertThat(check.get("problems")).isEmpty();
    }

    @Test
    void dryRunOnTheLastDaysGivesEachRuleItsCountsAndSamplePasses() {
        out("cara", "Restroom");
        out("dan", "Restroom");
        post("admin", "/api/admin/rule-sets", Map.of("drl", MISTAKE.replace("ocupancy", "occupancy")));

        JsonNode replay = post("admin", "/api/admin/rule-sets/2/dry-run", Map.of("days", 7)).getBody();

        assertThat(replay.get("rules")).singleElement().satisfies(rule -> {
            assertThat(rule.get("rule").asText()).isEqualTo("Restroom limit 1");
            assertThat(rule.get("candidate").asInt()).isEqualTo(1);
            assertThat(rule.get("active").asInt()).isZero();
        });
        assertThat(replay.get("samples")).singleElement().satisfies(sample -> {
            assertThat(sample.get("run").asText()).isEqualTo("candidate");
            assertThat(sample.get("version").asText()).isEqualTo("v2");
            assertThat(sample.get("student").asText()).isEqualTo(person("dan").getName());
            assertThat(sample.get("destination").asText()).isEqualTo("Restroom");
            assertThat(sample.get("timeZone").asText()).isEqualTo("America/New_York");
            assertThat(sample.get("schoolTime").asText()).matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d");
            assertThat(sample.get("message").asText()).isEqualTo("Restroom limit 1");
        });
    }

    @Test
    void dryRunOnAScenarioWithEveryFactRaisesTheFlagsWithTheirSeverities() {
        post("admin", "/api/admin/rule-sets",
                Map.of("drl",
                        DefaultRuleSet.drl()
                            .replace("insert(new Flag(\"DESTINATION_FULL\", Severity.WARN,",
                                    "insert(new Flag(\"DESTINATION_FULL\", Severity.BLOCK,")));

        JsonNode run = post("admin", "/api/admin/rule-sets/2/dry-run", Map.of("scenario",
                Map.of("destination", Map.of("name", "Restroom", "capacity", 2, "occupancy", 2, "open", true), "usage",
                        Map.of("passesToday", 4, "passesThisWeek", 12, "minutesSinceLastPass", 5), "hallwayStudentsOut",
                        25, "noContactPartnerOut", Map.of("name", "Ben B.", "destination", "Library"), "period",
                        Map.of("name", "Period 2", "minutesSinceStart", 3, "minutesToEnd", 4))))
            .getBody();

        assertThat(run.get("flags").findValuesAsText("code")).containsExactlyInAnyOrder("PASS_LIMIT_DAILY",
                "PASS_LIMIT_WEEKLY", "DESTINATION_FULL", "NO_CONTACT", "BLACKOUT_START", "BLACKOUT_END", "COOLDOWN");
        assertThat(run.get("flags")).anySatisfy(flag -> {
            assertThat(flag.get("code").asText()).isEqualTo("DESTINATION_FULL");
            assertThat(flag.get("severity").asText()).isEqualTo("BLOCK");
            assertThat(flag.get("message").asText()).isEqualTo("Restroom is full: 2 of 2 places taken");
        });
        assertThat(run.get("flags")).anySatisfy(flag -> {
            assertThat(flag.get("code").asText()).isEqualTo("NO_CONTACT");
            assertThat(flag.get("studentMessage").asText())
                .isEqualTo("A no-contact restriction applies to this request");
        });
    }

    @Test
    void anAccommodationInTheScenarioExemptsTheStudentFromItsRule() {
        JsonNode run = post("admin", "/api/admin/rule-sets/1/dry-run", Map.of("scenario", Map.of("usage",
                Map.of("passesToday", 4, "passesThisWeek", 4), "accommodationRule", "Daily pass limit")))
            .getBody();

        assertThat(run.get("flags")).isEmpty();
    }

    @Test
    void badScenarioIsRefusedWithEachFieldNamed() {
        var answer = post("admin", "/api/admin/rule-sets/1/dry-run",
                Map.of("scenario", Map.of("destination", Map.of("name", "", "capacity", -1, "occupancy", 0), "period",
                        Map.of("name", "Period 2", "minutesSinceStart", 3))));

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(answer.getBody().get("type").asText()).endsWith("invalid-input");
        assertThat(answer.getBody().get("errors").findValuesAsText("field")).containsExactlyInAnyOrder(
                "scenario.destination.name", "scenario.destination.capacity", "scenario.period.minutesToEnd");
    }

    @Test
    void scenarioWithFewerPassesThisWeekThanTodayIsRefused() {
        var answer = post("admin", "/api/admin/rule-sets/1/dry-run",
                Map.of("scenario", Map.of("usage", Map.of("passesToday", 4, "passesThisWeek", 2))));

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(answer.getBody().get("errors").findValuesAsText("field"))
            .containsExactly("scenario.usage.passesThisWeek");
    }

    @Test
    void replayOfTooManyDaysIsRefusedNamingTheField() {
        var answer = post("admin", "/api/admin/rule-sets/1/dry-run", Map.of("days", 91));

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(answer.getBody().get("errors").findValuesAsText("field")).containsExactly("days");
    }

    @Test
    void rollBackStoresTheRetiredTextAsTheNextVersionAndActivatesIt() {
        post("admin", "/api/admin/rule-sets", Map.of("drl", DefaultRuleSet.drl() + "\n"
                + MISTAKE.replace("ocupancy", "occupancy").replace("package org.corridor.rules;", "")));
        post("admin", "/api/admin/rule-sets/2/activate", null);

        var rolledBack = post("admin", "/api/admin/rule-sets/1/roll-back", null);

        assertThat(rolledBack.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(rolledBack.getBody().get("version").asInt()).isEqualTo(3);
        assertThat(rolledBack.getBody().get("status").asText()).isEqualTo("ACTIVE");
        assertThat(rolledBack.getBody().get("note").asText()).isEqualTo("Rolled back to v1");
        assertThat(get("admin", "/api/admin/rule-sets/3").getBody().get("drl").asText())
            .isEqualTo(DefaultRuleSet.drl());
        assertThat(get("admin", "/api/admin/rule-sets/2").getBody().get("status").asText()).isEqualTo("RETIRED");
        out("cara", "Restroom");
        assertThat(request("dan", "Restroom").getBody().get("flags")).isEmpty();
    }

    @Test
    void onlyARetiredVersionCanBeRolledBackTo() {
        var answer = post("admin", "/api/admin/rule-sets/1/roll-back", null);

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(ruleSets.findByDistrictIdOrderByRuleVersionDesc(person("admin").getDistrictId())).hasSize(1);
    }

    @Test
    void teacherCanNeitherReadTheFactModelNorCheckRules() {
        assertThat(get("rivera", "/api/admin/rule-sets/fact-model").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(post("rivera", "/api/admin/rule-sets/check", Map.of("drl", MISTAKE)).getStatusCode())
            .isEqualTo(HttpStatus.FORBIDDEN);
    }

}
