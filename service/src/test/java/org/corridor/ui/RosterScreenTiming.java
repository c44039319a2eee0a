package org.corridor.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.time.Duration;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.corridor.roster.RosterSets;

/**
 * The import report of the largest generated roster (46 schools, 10,121 users) through
 * the roster screen: how long until the report is drawn, how big the answer is, how many
 * rows the page then holds. Not part of the build (the name does not end in Test). Run:
 * {@code ./mvnw -q -pl service -am verify -Dtest=RosterScreenTiming
 * -Dsurefire.failIfNoSpecifiedTests=false} and read the lines starting "[measure]".
 */
class RosterScreenTiming extends BrowserTest {

    static final int SCHOOLS = 46;

    @BeforeEach
    @AfterEach
    void noImportedRoster() {
        RosterSets.forgetImports(jdbc);
    }

    @Test
    void theLargestGeneratedRosterReportsThroughTheScreen() throws Exception {
        Path zip = Files.createTempFile("generated-district", ".zip");
        Files.write(zip, RosterSets.generatedZip(SCHOOLS));
        signIn("admin");
        browser.get(url("/admin-roster.html"));
        await("the screen ready", b -> "true".equals(b.findElement(By.tagName("body")).getAttribute("data-ready")));

        long start = System.nanoTime();
        browser.findElement(By.id("roster-files")).sendKeys(zip.toString());
        browser.findElement(By.id("import")).click();
        new WebDriverWait(browser, Duration.ofMinutes(5)).withMessage(() -> "the report")
            .until(b -> b.findElement(By.id("report-summary")).getText().contains("Applied."));
        long drawnMs = (System.nanoTime() - start) / 1_000_000;

        JavascriptExecutor page = (JavascriptExecutor) browser;
        Object rows = page.executeScript("return document.querySelectorAll('#findings tr').length;");
        System.out.println("[measure] generated roster of " + SCHOOLS + " schools, zip " + Files.size(zip)
                + " bytes: report drawn " + drawnMs + " ms after Import; the page says: "
                + browser.findElement(By.id("report-timing")).getText() + "; " + rows + " rows of findings");
        assertThat(drawnMs).isLessThan(180_000);
        Files.delete(zip);
    }

}
