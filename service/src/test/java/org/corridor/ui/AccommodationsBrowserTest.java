package org.corridor.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;

import org.corridor.policy.AccommodationRepository;
import org.corridor.testing.OnMariaDb;

/**
 * An administrator writes a student's accommodation, changes its dates and ends it early,
 * in a real browser.
 */
@OnMariaDb
class AccommodationsBrowserTest extends BrowserTest {

    @Autowired
    AccommodationRepository accommodations;

    @AfterEach
    void removeAccommodations() {
        accommodations.deleteAll();
    }

    @Test
    void administratorAddsChangesAndEndsAnAccommodation() {
        LocalDate today = LocalDate.now(ZoneId.of("America/New_York"));
        signIn("admin");
        browser.get(url("/admin-accommodations.html"));
        await("the screen ready", b -> "true".equals(b.findElement(By.tagName("body")).getAttribute("data-ready")));
        assertNoSeriousAxeViolations("the accommodations screen");

        browser.findElement(By.id("find-student")).sendKeys("Eli");
        browser.findElement(By.id("find-student-button")).click();
        awaitText("the student found", By.id("student"), "Eli Evans");
        browser.findElement(By.id("rule")).sendKeys("Destination full");
        setDate("from", today.minusDays(3));
        setDate("until", today.minusDays(4));
        browser.findElement(By.id("add")).click();
        WebElement untilError = awaitText("the error next to Until", By.cssSelector("#new-form .field-error"),
                "before it starts");
        assertThat(browser.findElement(By.id("until")).getAttribute("aria-describedby"))
            .contains(untilError.getAttribute("id"));
        assertThat(accommodations.count()).isZero();
        assertNoSeriousAxeViolations("the form with a field error");

        setDate("until", today.plusDays(10));
        browser.findElement(By.id("add")).click();
        awaitText("the new accommodation", By.id("accommodations"), "In force");
        assertThat(browser.findElement(By.id("accommodations")).getText()).contains("Eli Evans", "Destination full");

        browser.findElement(By.xpath("//button[normalize-space()='Change (Eli Evans)']")).click();
        setDate("change-until", today.minusDays(5));
        browser.findElement(By.id("change-save")).click();
        awaitText("the error in the dialog", By.cssSelector("#change-form .field-error"), "before it starts");
        assertNoSeriousAxeViolations("the change dialog with a field error");
        setDate("change-until", today.plusDays(20));
        browser.findElement(By.id("change-save")).click();
        awaitText("the changed date", By.id("accommodations"), today.plusDays(20).toString());

        browser.findElement(By.xpath("//button[normalize-space()='End early (Eli Evans)']")).click();
        awaitText("what ending does", By.id("confirm-body"), "flags Eli Evans's requests again");
        browser.findElement(By.id("confirm-yes")).click();
        awaitText("the ended accommodation", By.id("accommodations"), "Ended");
        assertThat(accommodations.findAll()).singleElement()
            .satisfies(a -> assertThat(a.getUntilDate()).isEqualTo(today.minusDays(1)));
        screenshots("admin-accommodations");
    }

    @Test
    void teachersDoNotSeeAccommodations() {
        signIn("rivera");

        browser.get(url("/admin-accommodations.html"));

        awaitText("the refusal", By.id("error"), "This screen is for administrators");
        assertThat(browser.findElement(By.id("accommodations")).getText()).doesNotContain("Destination full");
    }

    private void setDate(String id, LocalDate day) {
        ((JavascriptExecutor) browser).executeScript("arguments[0].value = arguments[1];",
                browser.findElement(By.id(id)), day.toString());
    }

}
