package org.corridor.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;

import com.fasterxml.jackson.databind.JsonNode;

import org.corridor.testing.OnMariaDb;

/**
 * An administrator enters a no-contact pair on the screen, and the next request of one
 * student while the other is out carries the flag; the roster's gaps are shown on their
 * own screen.
 */
@OnMariaDb
class NoContactBrowserTest extends BrowserTest {

    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("America/New_York"));

    @BeforeEach
    @AfterEach
    void keepOnlyTheDemoPair() {
        // The demo's own pair (Ava and Ben) has no creation time; every pair a test adds
        // has one.
        jdbc.update("delete from no_contact_pair where created_at is not null");
        jdbc.update("delete from no_contact_change");
    }

    @Test
    void pairAddedOnTheScreenFlagsTheNextRequestAndCanBeRemoved() {
        signIn("admin");
        browser.get(url("/admin-no-contact.html"));
        await("the screen ready", b -> "true".equals(b.findElement(By.tagName("body")).getAttribute("data-ready")));
        awaitText("the demo's pair", By.id("pairs"), "Ben Brooks");

        browser.findElement(By.id("find-student")).sendKeys("Cara");
        browser.findElement(By.id("find-student-button")).click();
        awaitText("the student's own list", By.id("pairs-title"), "Cara Castillo's pairs");
        browser.findElement(By.id("find-other")).sendKeys("Dan");
        browser.findElement(By.id("find-other-button")).click();
        awaitText("the other student found", By.id("other"), "Dan Dubois");
        setDate("from", TODAY.minusDays(1));
        setDate("until", TODAY.minusDays(2));
        browser.findElement(By.id("add")).click();
        WebElement untilError = awaitText("the error next to Until", By.cssSelector("#new-form .field-error"),
                "before it starts");
        assertThat(browser.findElement(By.id("until")).getAttribute("aria-describedby"))
            .contains(untilError.getAttribute("id"));
        assertThat(
                jdbc.queryForObject("select count(*) from no_contact_pair where created_at is not null", Integer.class))
            .isZero();
        assertNoSeriousAxeViolations("the add form with a field error");

        setDate("until", TODAY.plusDays(30));
        browser.findElement(By.id("note")).sendKeys("Agreed with both families");
        browser.findElement(By.id("add")).click();
        awaitText("the new pair", By.id("pairs"), "Dan Dubois");
        awaitText("the change in the history", By.id("history"), "Added");
        assertNoSeriousAxeViolations("the student's pairs and history");
        screenshots("admin-no-contact");

        out("dan", "Library");
        String id = request("cara", "Restroom").getBody().get("id").asText();
        assertThat(pass("rivera", id).get("flags").findValuesAsText("code")).contains("NO_CONTACT");

        browser.findElement(By.xpath("//button[normalize-space()='Remove (Cara Castillo and Dan Dubois)']")).click();
        awaitText("what removing does", By.id("confirm-body"), "no longer flagged");
        browser.findElement(By.id("confirm-yes")).click();
        awaitText("the removal in the history", By.id("history"), "Removed");
        assertThat(browser.findElement(By.id("pairs")).getText()).doesNotContain("Dan Dubois");
    }

    @Test
    void csvWithABadRowIsReportedRowByRowAndAddsNothing(@TempDir Path folder) throws IOException {
        Path csv = Files.writeString(folder.resolve("pairs.csv"),
                "studentNumber,otherStudentNumber\n1003,1004\n1005,no-such-number\n");
        signIn("admin");
        browser.get(url("/admin-no-contact.html"));
        await("the screen ready", b -> "true".equals(b.findElement(By.tagName("body")).getAttribute("data-ready")));

        browser.findElement(By.id("file")).sendKeys(csv.toString());
        browser.findElement(By.id("upload")).click();

        awaitText("the report", By.id("report-summary"), "Nothing imported");
        List<String> row = browser.findElements(By.cssSelector("#report-errors tbody td"))
            .stream()
            .map(WebElement::getText)
            .toList();
        assertThat(row).startsWith("pairs.csv", "3", "otherStudentNumber").hasSize(4);
        assertThat(
                jdbc.queryForObject("select count(*) from no_contact_pair where created_at is not null", Integer.class))
            .isZero();
        assertNoSeriousAxeViolations("the import report");
    }

    @Test
    void rosterGapsOfTheSchoolAreShownAsTables() {
        JsonNode gaps = get("admin", "/api/admin/schools/" + schoolId() + "/roster-gaps").getBody();
        signIn("admin");
        browser.get(url("/admin-roster.html"));
        await("the screen ready", b -> "true".equals(b.findElement(By.tagName("body")).getAttribute("data-ready")));

        assertThat(browser.findElement(By.id("summary")).getText()).startsWith(gaps.get("classes").asInt()
                + " class(es) in the school; " + gaps.get("classesWithGaps").size() + " with gaps");
        List<String> rows = browser.findElements(By.cssSelector("#classes tbody th"))
            .stream()
            .map(WebElement::getText)
            .toList();
        assertThat(rows).containsExactlyElementsOf(gaps.get("classesWithGaps").findValuesAsText("name"));
        // The demo's English 10 has every demo student, enrolled with no start or end
        // date.
        for (JsonNode gapped : gaps.get("classesWithGaps")) {
            if (gapped.get("name").asText().equals("English 10")) {
                assertThat(gapped.get("gaps").toString()).doesNotContain("NO_STUDENTS");
            }
        }
        assertNoSeriousAxeViolations("the roster gaps");
        screenshots("admin-roster");
    }

    private void setDate(String id, LocalDate day) {
        ((JavascriptExecutor) browser).executeScript("arguments[0].value = arguments[1];",
                browser.findElement(By.id(id)), day.toString());
    }

}
