package org.corridor.policy;

import static org.assertj.core.api.Assertions.assertThat;

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
 * An administrator changes the district's policy: draft, dry-run, activate, and the next
 * request follows it.
 */
@OnMariaDb
class RuleSetLifecycleTest extends ApiTest {

    static final String RESTROOM_LIMIT = """

            // One student at a time in the Restroom.
            rule "Restroom limit"
            when
                $d : DestinationStatus( name == "Restroom", occupancy >= 1 )
            then
                insert(new Flag("RESTROOM_LIMIT", Severity.WARN,
                    "Restroom limit: " + $d.getOccupancy() + " already out, the limit is 1"));
            end
            """;

    @Autowired
    RuleSetRepository ruleSets;

    @AfterEach
    void restoreTheDefaultRules() {
        String district = person("admin").getDistrictId();
        ruleSets.deleteAll(ruleSets.findByDistrictIdOrderByRuleVersionDesc(district));
        ruleSets.save(RuleSet.active(district, 1, DefaultRuleSet.drl(), person("admin").getId(),
                "Corridor's default rules", java.time.Instant.now()));
    }

    @Test
    void draftIsStoredAsTheNextVersion() {
        var answer = post("admin", "/api/admin/rule-sets", newDraft());

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(answer.getBody().get("version").asInt()).isEqualTo(2);
        assertThat(answer.getBody().get("status").asText()).isEqualTo("DRAFT");
    }

    @Test
    void draftThatDoesNotCompileIsRefusedWithItsLineAndNothingIsStored() {
        var answer = post("admin", "/api/admin/rule-sets", Map.of("drl",
                "package org.corridor.rules;\nrule \"Broken\"\nwhen\n  StudentUsage( passesToday >= )\nthen\nend\n"));

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(answer.getBody().get("problems").get(0).get("line").asInt()).isEqualTo(4);
        assertThat(versions()).isEqualTo(1);
    }

    @Test
    void draftThatRunsCodeIsRefusedByTheGuardAndNothingIsStored() {
        String hostile = DefaultRuleSet.drl() + """

                rule "Sneaky"
                when
                    StudentUsage()
                then
                    Runtime.getRuntime().exec("touch /tmp/pwned");
                end
                """;

        var answer = post("admin", "/api/admin/rule-sets", Map.of("drl", hostile));

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(answer.getBody().get("problems").get(0).get("reason").asText()).isNotBlank();
        assertThat(versions()).isEqualTo(1);
    }

    @Test
    void teacherCannotWriteRules() {
        var answer = post("rivera", "/api/admin/rule-sets", newDraft());

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(versions()).isEqualTo(1);
    }

    @Test
    void diffShowsTheAddedRule() {
        post("admin", "/api/admin/rule-sets", newDraft());

        JsonNode diff = get("admin", "/api/admin/rule-sets/1/diff/2").getBody();

        int defaultLines = DefaultRuleSet.drl().split("\n", -1).length;
        assertThat(diff.get("added").asInt()).isBetween(8, 10);
        assertThat(diff.get("removed").asInt()).isZero();
        assertThat(diff.get("lines")).anySatisfy(line -> {
            assertThat(line.get("change").asText()).isEqualTo("ADDED");
            assertThat(line.get("text").asText()).isEqualTo("rule \"Restroom limit\"");
            assertThat(line.get("fromLine").isNull()).isTrue();
            assertThat(line.get("toLine").asInt()).isGreaterThan(defaultLines);
        });
        JsonNode first = diff.get("lines").get(0);
        assertThat(first.get("change").asText()).isEqualTo("KEPT");
        assertThat(first.get("fromLine").asInt()).isEqualTo(1);
        assertThat(first.get("toLine").asInt()).isEqualTo(1);
    }

    @Test
    void dryRunOnATypedScenarioShowsWhichRulesFire() {
        post("admin", "/api/admin/rule-sets", newDraft());

        JsonNode run = post("admin", "/api/admin/rule-sets/2/dry-run",
                Map.of("scenario",
                        Map.of("destination",
                                Map.of("id", "r", "name", "Restroom", "capacity", 2, "occupancy", 1, "open", true))))
            .getBody();

        assertThat(run.get("flags")).singleElement().satisfies(flag -> {
            assertThat(flag.get("rule").asText()).isEqualTo("Restroom limit");
            assertThat(flag.get("facts").get(0).get("type").asText()).isEqualTo("DestinationStatus");
            assertThat(flag.get("facts").get(0).get("occupancy").asInt()).isEqualTo(1);
        });
    }

    @Test
    void blockingRuleDeniesTheRequestWithAReasonTheStudentReads() {
        String blocking = DefaultRuleSet.drl()
            .replace("insert(new Flag(\"DESTINATION_FULL\", Severity.WARN,",
                    "insert(new Flag(\"DESTINATION_FULL\", Severity.BLOCK,");
        post("admin", "/api/admin/rule-sets", Map.of("drl", blocking));
        post("admin", "/api/admin/rule-sets/2/activate", null);
        out("cara", "Restroom");
        out("dan", "Restroom");

        JsonNode denied = request("eli", "Restroom").getBody();

        assertThat(denied.get("state").asText()).isEqualTo("DENIED");
        assertThat(denied.get("status").asText())
            .isEqualTo("Denied by district policy: Restroom is full: 2 of 2 places taken");
    }

    @Test
    void dryRunAgainstLastWeekCountsThePassesTheDraftWouldHaveFlagged() {
        out("cara", "Restroom");
        out("dan", "Restroom");
        post("admin", "/api/admin/rule-sets", newDraft());

        JsonNode replay = post("admin", "/api/admin/rule-sets/2/dry-run", Map.of("days", 7)).getBody();

        assertThat(replay.get("passesConsidered").asInt()).isEqualTo(2);
        assertThat(replay.get("candidate").get("passesByRule").get("Restroom limit").asInt()).isEqualTo(1);
        assertThat(replay.get("active").get("passesFlagged").asInt()).isZero();
        assertThat(replay.get("difference").asInt()).isEqualTo(1);
    }

    @Test
    void activatedVersionFlagsTheNextRequestWhileEarlierFlagsKeepTheirVersion() {
        out("ava", "Library");
        String flaggedBefore = request("ben", "Nurse").getBody().get("id").asText();
        out("cara", "Restroom");
        post("admin", "/api/admin/rule-sets", newDraft());

        var activated = post("admin", "/api/admin/rule-sets/2/activate", null);
        JsonNode next = request("dan", "Restroom").getBody();

        assertThat(activated.getBody().get("status").asText()).isEqualTo("ACTIVE");
        assertThat(next.get("flags")).singleElement().satisfies(flag -> {
            assertThat(flag.get("code").asText()).isEqualTo("RESTROOM_LIMIT");
            assertThat(flag.get("ruleSetVersion").asText()).isEqualTo("v2");
        });
        assertThat(
                get("rivera", "/api/passes/" + flaggedBefore).getBody().get("flags").findValuesAsText("ruleSetVersion"))
            .containsExactly("v1");
        assertThat(get("admin", "/api/admin/rule-sets/1").getBody().get("status").asText()).isEqualTo("RETIRED");
    }

    @Test
    void activeVersionCannotBeActivatedAgain() {
        var answer = post("admin", "/api/admin/rule-sets/1/activate", null);

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    }

    private Map<String, String> newDraft() {
        return Map.of("drl", DefaultRuleSet.drl() + RESTROOM_LIMIT, "note", "One at a time in the Restroom");
    }

    private int versions() {
        return get("admin", "/api/admin/rule-sets").getBody().size();
    }

}
