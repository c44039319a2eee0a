package org.corridor.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.corridor.testing.OnMariaDb;

/** Ava's screen in a real browser: asking to leave English 10 and following the pass. */
@OnMariaDb
class StudentScreenBrowserTest extends BrowserTest {

    /**
     * Signed in as Ava, on the student screen with the form ready and Restroom chosen.
     */
    private void avaAsksForTheRestroom() {
        signIn("ava");
        browser.get(url("/student.html"));
        await("the form with the class Ava is leaving",
                b -> b.findElement(By.id("new-pass")).isDisplayed()
                        && !new Select(b.findElement(By.id("section"))).getFirstSelectedOption()
                            .getAttribute("value")
                            .isEmpty());
        Select destination = new Select(browser.findElement(By.id("destination")));
        WebElement restroom = destination.getOptions()
            .stream()
            .filter(o -> o.getText().startsWith("Restroom"))
            .findFirst()
            .orElseThrow();
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

        ((JavascriptExecutor) browser)
            .executeScript("const f = document.getElementById('new-pass'); f.requestSubmit(); f.requestSubmit();");

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

    @Test
    void fieldLeftEmptyIsNamedNextToIt() {
        avaAsksForTheRestroom();
        new Select(browser.findElement(By.id("destination"))).selectByValue("");

        browser.findElement(By.id("send")).click();

        WebElement destination = browser.findElement(By.id("destination"));
        assertThat(destination.getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(browser.findElement(By.id(destination.getAttribute("aria-describedby"))).getText())
            .isEqualTo("Choose where to go.");
        assertThat(browser.switchTo().activeElement()).isEqualTo(destination);
        assertThat(passCount()).isZero();
    }

    @Test
    void fieldTheServerRefusesIsMarkedWithTheServersMessage() {
        avaAsksForTheRestroom();
        // longer than the box lets anyone type: only the server's check can catch it
        ((JavascriptExecutor) browser).executeScript("document.getElementById('note').value = 'x'.repeat(501);");

        browser.findElement(By.id("send")).click();

        WebElement note = await("the note marked invalid", b -> {
            WebElement n = b.findElement(By.id("note"));
            return "true".equals(n.getAttribute("aria-invalid")) ? n : null;
        });
        assertThat(browser.findElement(By.id(note.getAttribute("aria-describedby"))).getText()).contains("500");
        assertThat(browser.findElement(By.id("form-problem")).getText()).contains("Invalid input");
        assertThat(passCount()).isZero();
    }

    @Test
    void buttonsOfThePassAreTheActionsTheServerOffers() {
        avaAsksForTheRestroom();
        browser.findElement(By.id("send")).click();
        awaitText("the pending pass", By.id("pass-state"), "Pending");
        assertThat(browser.findElement(By.id("cancel")).isDisplayed()).isTrue();
        assertThat(browser.findElement(By.id("end")).isDisplayed()).isFalse();

        browser.findElement(By.id("cancel")).click();

        awaitText("the cancelled pass", By.id("pass-state"), "Cancelled");
        assertThat(browser.findElement(By.id("cancel")).isDisplayed()).isFalse();
        assertThat(browser.findElement(By.id("new-pass")).isDisplayed()).isTrue();
    }

    @Test
    void studentScreenHasNoSeriousAccessibilityViolations() {
        avaAsksForTheRestroom();
        assertNoSeriousAxeViolations("the student's form");

        new Select(browser.findElement(By.id("destination"))).selectByValue("");
        browser.findElement(By.id("send")).click();
        awaitText("the form's problem", By.id("form-problem"), "Check the form");
        assertNoSeriousAxeViolations("the student's form with a field error");

        Select destination = new Select(browser.findElement(By.id("destination")));
        destination.getOptions()
            .stream()
            .filter(o -> o.getText().startsWith("Restroom"))
            .findFirst()
            .orElseThrow()
            .click();
        browser.findElement(By.id("send")).click();
        awaitText("the pending pass", By.id("pass-state"), "Pending");
        assertNoSeriousAxeViolations("the student's pending pass");
    }

    /** Ava on her screen, following the request she asked for on another device. */
    private String avaFollowsARequest() {
        String id = request("ava", "Restroom").getBody().get("id").asText();
        signIn("ava");
        browser.get(url("/student.html"));
        awaitText("the open pass", By.id("pass-status"), "Sent to Ms Rivera, Room 204");
        return id;
    }

    @Test
    void studentSeesSeenWithinASecondOfTheTeacherOpeningTheRequest() {
        String id = avaFollowsARequest();
        await("the event stream open", b -> "true".equals(b.findElement(By.tagName("body")).getAttribute("data-live")));

        long opened = System.nanoTime();
        get("rivera", "/api/passes/" + id);

        new WebDriverWait(browser, Duration.ofSeconds(1)).withMessage("\"seen\" within a second")
            .until(b -> b.findElement(By.id("pass-status")).getText().contains("— seen "));
        System.out.println("[student screen] seen shown " + (System.nanoTime() - opened) / 1_000_000
                + " ms after the teacher opened the request");
    }

    @Test
    void approvalShowsAtOnceOverTheStream() {
        String id = avaFollowsARequest();

        post("rivera", "/api/passes/" + id + "/approve", Map.of());

        new WebDriverWait(browser, Duration.ofSeconds(3))
            .until(b -> b.findElement(By.id("pass-state")).getText().startsWith("Active"));
        assertThat(browser.findElement(By.id("end")).isDisplayed()).isTrue();
    }

    @Test
    void denialsReasonIsShownOnce() {
        String id = avaFollowsARequest();

        post("rivera", "/api/passes/" + id + "/deny", Map.of("reason", "The test starts now"));

        awaitText("the denied pass", By.id("pass-status"), "Denied by Ms Rivera: The test starts now");
        awaitText("the popup", By.cssSelector("#toasts .toast"), "Denied");
        String page = browser.findElement(By.tagName("body")).getText();
        assertThat(page.split("The test starts now", -1)).as("the reason on the page once").hasSize(2);
    }

    @Test
    void bookedAppointmentIsCancelledWithCancelAppointment() {
        post("rivera", "/api/passes", Map.of("type", "APPOINTMENT", "studentId", person("ava").getId(), "destinationId",
                destination("Library"), "startsAt", Instant.now().plusSeconds(86_400).toString()));

        signIn("ava");
        browser.get(url("/student.html"));

        awaitText("the appointment", By.id("pass-state"), "Appointment scheduled");
        WebElement cancel = awaitText("its cancel button", By.id("cancel"), "Cancel appointment");
        assertThat(browser.findElement(By.id("pass-where")).getText()).contains("Library at ");
        cancel.click();
        awaitText("the cancelled appointment", By.id("pass-state"), "Cancelled");
    }

    @Test
    void passesLeftTodayWhereTheRulesSetALimit() {
        String used = out("ava", "Restroom");
        post("ava", "/api/passes/" + used + "/end", null);

        signIn("ava");
        browser.get(url("/student.html"));

        awaitText("the passes left", By.id("passes-left"), "3 of 4 passes left today");
        assertThat(browser.findElement(By.id("passes-left")).getText()).contains("11 of 12 passes left this week");
        screenshots("student");
    }

}
