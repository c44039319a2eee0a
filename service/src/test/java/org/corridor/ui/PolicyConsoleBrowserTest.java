package org.corridor.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;

import com.fasterxml.jackson.databind.JsonNode;

import org.corridor.policy.RuleSet;
import org.corridor.policy.RuleSetRepository;
import org.corridor.rules.DefaultRuleSet;
import org.corridor.testing.OnMariaDb;

/**
 * The district administrator's journey on the rule sets screen, in a real browser: write
 * a rule with a mistake, see it at its line, fix it, compare, dry-run on last week and on
 * a scenario, activate it, see a student's next request carry its flag, and roll back.
 * Page load and the time from "activate" to a request carrying the new flag are written
 * to target/policy-console-timings.txt.
 */
@OnMariaDb
class PolicyConsoleBrowserTest extends BrowserTest {

    static final String RESTROOM_LIMIT_1 = """

            // One student at a time in the Restroom.
            rule "Restroom limit 1"
            when
                $d : DestinationStatus( name == "Restroom", ocupancy >= 1 )
            then
                insert(new Flag("RESTROOM_LIMIT_1", Severity.WARN,
                    "Restroom limit 1: " + $d.getOccupancy() + " already out"));
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
    void administratorWritesTriesActivatesAndRollsBackARule() throws IOException {
        out("cara", "Restroom");
        out("dan", "Restroom"); // requested while Cara was out: what "Restroom limit 1"
                                // would have flagged
        signIn("admin");

        long opening = System.nanoTime();
        browser.get(url("/admin-rules.html"));
        awaitReady();
        long pageReadyMs = (System.nanoTime() - opening) / 1_000_000;
        Object loadEventMs = js("const n = performance.getEntriesByType('navigation')[0]; "
                + "return Math.round(n.loadEventEnd - n.startTime);");
        assertNoSeriousAxeViolations("the rule sets screen");

        String mistaken = DefaultRuleSet.drl() + RESTROOM_LIMIT_1;
        String[] lines = mistaken.split("\n", -1);
        int line = 0;
        while (!lines[line].contains("ocupancy")) {
            line++;
        }
        int column = lines[line].indexOf("ocupancy") + 1;
        js("document.querySelector('.CodeMirror').CodeMirror.setValue(arguments[0]);", mistaken);
        click("validate");
        awaitText("the problem at its line and column", By.id("problem-list"),
                "Line " + (line + 1) + ", column " + column);
        assertThat(browser.findElement(By.id("problem-list")).getText()).contains("ocupancy", "DestinationStatus");
        assertThat(js("return !!document.querySelector('.CodeMirror').CodeMirror.lineInfo(arguments[0])"
                + ".gutterMarkers?.['CodeMirror-lint-markers'];", line))
            .isEqualTo(true);
        awaitText("the mistake underlined in the editor", By.cssSelector(".CodeMirror-lint-mark-error"), "ocupancy");
        assertNoSeriousAxeViolations("the editor with a problem marked");
        js("document.getElementById('editor-title').scrollIntoView();");
        screenshots("admin-rules-problem");

        click("save");
        awaitText("the draft refused, its text kept", By.id("live"), "Not stored");
        assertThat(js("return document.querySelector('.CodeMirror').CodeMirror.getValue();")).isEqualTo(mistaken);
        assertThat(ruleSets.findByDistrictIdOrderByRuleVersionDesc(person("admin").getDistrictId())).hasSize(1);
        browser.navigate().refresh();
        awaitReady();
        assertThat(js("return document.querySelector('.CodeMirror').CodeMirror.getValue();"))
            .as("the refused draft, still there after a reload")
            .isEqualTo(mistaken);
        assertThat(browser.findElement(By.id("editor-base")).getText()).contains("is back in the editor");

        js("document.querySelector('.CodeMirror').CodeMirror.setValue(arguments[0]);",
                mistaken.replace("ocupancy", "occupancy"));
        click("validate");
        awaitText("no problem left", By.id("live"), "No problems");
        browser.findElement(By.id("note")).sendKeys("Restroom limit 1");
        click("save");
        awaitText("the stored draft", By.id("live"), "Stored as version v2");

        click("show-diff");
        awaitText("the side-by-side diff", By.cssSelector("table.diff.side"), "rule \"Restroom limit 1\"");
        assertThat(browser.findElement(By.id("diff-summary")).getText()).startsWith("From v1 to v2:")
            .endsWith("added, 0 removed.");
        browser.findElement(By.cssSelector("input[name='diff-view'][value='unified']")).click();
        click("show-diff");
        awaitText("the unified diff's added line", By.cssSelector("table.diff.unified tr.added"),
                "rule \"Restroom limit 1\"");

        WebElement days = browser.findElement(By.id("days"));
        days.clear();
        days.sendKeys("7");
        click("run-replay");
        WebElement perRule = awaitText("the per-rule counts", By.id("replay-rules"), "Restroom limit 1");
        assertThat(perRule.findElement(By.xpath(".//tr[th='Restroom limit 1']")).getText())
            .isEqualTo("Restroom limit 1 1 0");
        awaitText("the sample pass", By.id("replay-samples"), "Dan Dubois");
        assertThat(browser.findElement(By.id("replay-samples")).getText()).contains("America/New_York", "Restroom");

        type("s-dest-name", "Restroom");
        type("s-dest-capacity", "-1");
        type("s-dest-occupancy", "1");
        click("run-scenario");
        WebElement capacityError = awaitText("the error next to the capacity",
                By.cssSelector("#scenario-form .field-error"), "greater than or equal to 0");
        assertThat(browser.findElement(By.id("s-dest-capacity")).getAttribute("aria-describedby"))
            .contains(capacityError.getAttribute("id"));
        browser.findElement(By.id("s-dest-capacity")).clear();
        type("s-dest-capacity", "2");
        click("run-scenario");
        WebElement flags = awaitText("the flags of the scenario", By.id("scenario-flags"), "RESTROOM_LIMIT_1");
        assertThat(flags.getText()).contains("WARN", "Restroom limit 1: 1 already out");
        assertNoSeriousAxeViolations("the dry-run results");
        js("document.getElementById('replay-result').scrollIntoView();");
        screenshots("admin-rules-dry-run");

        browser.findElement(By.xpath("//button[normalize-space()='Activate v2…']")).click();
        awaitText("what activation changes", By.id("confirm-body"), "Rules added: \"Restroom limit 1\"");
        assertNoSeriousAxeViolations("the activation confirmation");
        long activating = System.nanoTime();
        click("confirm-yes");
        awaitText("the new active version", By.id("live"), "v2 is active");
        JsonNode next = request("eli", "Restroom").getBody();
        long activateToFlagMs = (System.nanoTime() - activating) / 1_000_000;
        assertThat(next.get("flags")).anySatisfy(flag -> {
            assertThat(flag.get("code").asText()).isEqualTo("RESTROOM_LIMIT_1");
            assertThat(flag.get("ruleSetVersion").asText()).isEqualTo("v2");
        });

        browser.findElement(By.xpath("//button[normalize-space()='Roll back to v1…']")).click();
        awaitText("what the roll-back does", By.id("confirm-body"), "stored as v3");
        click("confirm-yes");
        awaitText("the roll-back done", By.id("live"), "Rolled back: v3");
        awaitText("v3 active in the list", By.id("active-summary"), "v3 is active");
        assertThat(request("ben", "Restroom").getBody().get("flags").findValuesAsText("code"))
            .doesNotContain("RESTROOM_LIMIT_1");

        Files.writeString(Path.of("target", "policy-console-timings.txt"),
                "rule sets screen: ready " + pageReadyMs + " ms (load event " + loadEventMs
                        + " ms); activate to a request carrying the flag " + activateToFlagMs + " ms\n",
                StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    @Test
    void aTeacherIsToldTheScreenIsForAdministrators() {
        signIn("rivera");

        browser.get(url("/admin-rules.html"));

        awaitText("the refusal", By.id("error"), "This screen is for administrators");
    }

    private void awaitReady() {
        await("the screen ready", b -> "true".equals(b.findElement(By.tagName("body")).getAttribute("data-ready")));
    }

    private Object js(String script, Object... arguments) {
        return ((JavascriptExecutor) browser).executeScript(script, arguments);
    }

    private void click(String id) {
        browser.findElement(By.id(id)).click();
    }

    private void type(String id, String text) {
        browser.findElement(By.id(id)).sendKeys(text);
    }

}
