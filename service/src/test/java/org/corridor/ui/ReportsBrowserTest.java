package org.corridor.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;

import org.corridor.testing.OnH2;

/**
 * The principal opens the reports, sees today's pass in the charts' tables, changes the
 * range and downloads a report as CSV.
 */
@OnH2
class ReportsBrowserTest extends BrowserTest {

    @Test
    void thePrincipalOpensTheReportsChangesTheRangeAndDownloadsACsv() {
        String id = out("ava", "Library");
        post("ava", "/api/passes/" + id + "/end", Map.of());
        LocalDate today = LocalDate.now(ZoneId.of("America/New_York"));
        signIn("admin");
        browser.get(url("/admin-reports.html"));
        await("the screen ready", b -> "true".equals(b.findElement(By.tagName("body")).getAttribute("data-ready")));

        awaitText("today's pass by destination", By.cssSelector("#report-by-destination-table tbody"), "Library");
        assertThat(browser.findElements(By.cssSelector("#report-by-day-table tbody tr"))).hasSize(30);
        assertThat(browser.findElements(By.cssSelector("#report-by-day-chart canvas"))).isNotEmpty();
        assertNoSeriousAxeViolations("the reports");
        screenshots("admin-reports");

        WebElement from = browser.findElement(By.id("from"));
        ((JavascriptExecutor) browser).executeScript("arguments[0].value = arguments[1]", from,
                today.minusDays(6).toString());
        browser.findElement(By.id("show")).click();
        await("a week by day", b -> b.findElements(By.cssSelector("#report-by-day-table tbody tr")).size() == 7);
        await("the range in the address", b -> b.getCurrentUrl().contains("from=" + today.minusDays(6)));

        browser.findElement(By.cssSelector("button.csv[data-kind='by-destination']")).click();
        awaitText("the CSV downloaded", By.id("live"), "by-destination.csv downloaded");

        ((JavascriptExecutor) browser).executeScript("arguments[0].value = arguments[1]", from,
                today.plusDays(3).toString());
        browser.findElement(By.id("show")).click();
        awaitText("a range that ends before it starts, refused", By.id("range-error"), "");
        await("the field named", b -> "true".equals(b.findElement(By.id("to")).getAttribute("aria-invalid")));
    }

}
