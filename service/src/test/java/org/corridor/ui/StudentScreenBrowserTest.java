package org.corridor.ui;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import org.corridor.testing.OnMariaDb;

/** Ava's screen in a real browser: asking to leave English 10 and following the pass. */
@OnMariaDb
class StudentScreenBrowserTest extends BrowserTest {

    /** Signed in as Ava, on the student screen with the form ready and Restroom chosen. */
    private void avaAsksForTheRestroom() {
        signIn("ava");
        browser.get(url("/student.html"));
        await("the form with the class Ava is leaving", b -> b.findElement(By.id("new-pass")).isDisplayed()
                && !new Select(b.findElement(By.id("section"))).getFirstSelectedOption().getAttribute("value").isEmpty());
        Select destination = new Select(browser.findElement(By.id("destination")));
        WebElement restroom = destination.getOptions().stream().filter(o -> o.getText().startsWith("Restroom"))
                .findFirst().orElseThrow();
        destination.selectByValue(restroom.getAttribute("value"));
    }

    @Test
    void requestSentFromTheFormSaysWhereItWent() {
        avaAsksForTheRestroom();

        browser.findElement(By.id("send")).click();

        awaitText("the pass's status", By.id("pass-status"), "Sent to Ms Rivera, Room 204");
        assertThat(browser.findElement(By.id("pass-state")).getText()).startsWith("Pending");
    }

    @Test
    void doubleTapOnSendMakesOneRequest() {
        avaAsksForTheRestroom();

        ((JavascriptExecutor) browser).executeScript(
                "const f = document.getElementById('new-pass'); f.requestSubmit(); f.requestSubmit();");

        awaitText("the pass's status", By.id("pass-status"), "Sent to Ms Rivera");
        assertThat(passCount()).isEqualTo(1);
    }

    @Test
    void refusedRequestShowsTheProblemDetailVerbatim() {
        avaAsksForTheRestroom();
        post("admin", "/api/admin/schools/" + schoolId() + "/emergency", null);

        browser.findElement(By.id("send")).click();

        awaitText("the refusal under the form", By.id("form-problem"),
                "Demo High is in an emergency: no passes until an administrator clears it.");
    }

    @Test
    void passAskedForOnAnotherDeviceIsShown() {
        request("ava", "Nurse");

        signIn("ava");
        browser.get(url("/student.html"));

        awaitText("the open pass", By.id("pass-status"), "Sent to Ms Rivera, Room 204");
        awaitText("where it goes", By.id("pass-where"), "Nurse");
    }
}
