package org.corridor.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

import org.corridor.testing.OnMariaDb;

/**
 * The auditor's journey: finds a student by name, opens one of the student's passes,
 * reads its path on the BPMN diagram, exports the search as CSV, and finds their own read
 * in the reads log.
 */
@OnMariaDb
class AuditorConsoleBrowserTest extends BrowserTest {

    @TempDir
    Path downloads;

    @Test
    void auditorSearchesAStudentOpensAPassSeesItsPathAndExportsTheSearch() throws IOException {
        startWithNoPasses();
        String id = out("ava", "Library");
        post("ava", "/api/passes/" + id + "/end", Map.of());
        String open = out("ava", "Restroom");

        signIn("auditor");
        browser.get(url("/auditor.html"));
        await("the search ready", b -> "true".equals(b.findElement(By.tagName("body")).getAttribute("data-ready")));
        browser.findElement(By.id("find-student")).sendKeys("Ava");
        browser.findElement(By.id("find-student-button")).click();
        awaitText("Ava found", By.id("student"), "Ava");
        browser.findElement(By.id("search")).click();
        awaitText("two passes of Ava", By.id("pager"), "(2 passes)");
        assertNoSeriousAxeViolations("the auditor's search with results");
        screenshots("auditor-search");

        ((ChromeDriver) browser).executeCdpCommand("Browser.setDownloadBehavior",
                Map.of("behavior", "allow", "downloadPath", downloads.toString()));
        browser.findElement(By.id("export")).click();
        Path csv = downloads.resolve("passes.csv");
        await("the CSV downloaded", b -> Files.exists(csv) && csv.toFile().length() > 0);
        List<String> lines = Files.readAllLines(csv);
        assertThat(lines.get(0)).startsWith("pass_id,school,requested_at");
        assertThat(lines).hasSize(3).anyMatch(l -> l.startsWith(id)).anyMatch(l -> l.startsWith(open));

        browser.findElements(By.cssSelector("#results tbody tr"))
            .stream()
            .filter(row -> row.getText().contains("Library"))
            .findFirst()
            .orElseThrow()
            .findElement(By.cssSelector("td a"))
            .click();
        await("the diagram drawn", b -> "drawn".equals(b.findElement(By.tagName("body")).getAttribute("data-diagram")));
        List<String> visited = browser.findElements(By.cssSelector("#diagram-0 .djs-element.visited"))
            .stream()
            .map(e -> e.getAttribute("data-element-id"))
            .toList();
        assertThat(visited).contains("StartEvent_PassRequested", "Task_ApprovePass", "Task_ActivatePass");
        assertThat(browser.findElements(By.cssSelector("#diagram-0 .djs-connection.visited-flow"))).isNotEmpty();
        assertThat(browser.findElements(By.cssSelector("#diagram-0 .step-time"))).hasSizeGreaterThanOrEqualTo(3);
        assertThat(browser.findElements(By.cssSelector("#diagram-0 .djs-element.current")))
            .as("an ended pass has no current step")
            .isEmpty();
        WebElement watermark = browser.findElement(By.cssSelector("#diagram-0 .bjs-powered-by"));
        assertThat(watermark.isDisplayed()).as("the bpmn.io watermark (licence)").isTrue();
        awaitText("the timeline", By.id("timeline"), "ENDED");
        assertNoSeriousAxeViolations("a pass's record with its diagram");
        screenshots("auditor-pass");
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView()",
                browser.findElement(By.id("path-title")));
        screenshots("auditor-pass-path");

        browser.get(url("/auditor-pass.html?id=" + open));
        await("the open pass drawn",
                b -> "drawn".equals(b.findElement(By.tagName("body")).getAttribute("data-diagram")));
        List<String> waiting = new ArrayList<>();
        get("auditor", "/api/audit/passes/" + open + "/path").getBody()
            .get("processes")
            .get(0)
            .get("activities")
            .forEach(step -> {
                if (step.get("endedAt").isNull()) {
                    waiting.add(step.get("activityId").asText());
                }
            });
        List<String> current = browser.findElements(By.cssSelector("#diagram-0 .djs-element.current"))
            .stream()
            .map(e -> e.getAttribute("data-element-id"))
            .toList();
        assertThat(current).as("the open pass's current steps, and only they, are marked")
            .isNotEmpty()
            .containsExactlyInAnyOrderElementsOf(waiting);

        browser.findElement(By.linkText("Every pass of Ava Adams")).click();
        awaitText("the student's history", By.id("pager"), "(2 passes)");
        assertNoSeriousAxeViolations("a student's history");
        screenshots("auditor-student");

        browser.get(url("/auditor-reads.html?studentId=" + person("ava").getId()));
        await("the reads log ready", b -> "true".equals(b.findElement(By.tagName("body")).getAttribute("data-ready")));
        // reads reach the log in batches, within a few seconds: ask again until it shows
        await("the auditor's own read of the path", b -> {
            if (b.findElement(By.id("reads")).getText().contains("/path")) {
                return true;
            }
            b.findElement(By.id("search")).click();
            return false;
        });
        assertThat(browser.findElement(By.id("reads")).getText()).contains("Audrey Auditor");
        assertNoSeriousAxeViolations("the reads log");
        screenshots("auditor-reads");
    }

}
