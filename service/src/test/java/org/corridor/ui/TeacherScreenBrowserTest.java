package org.corridor.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

import org.corridor.testing.OnMariaDb;

/**
 * Ms Rivera's screen in a real browser, while Ava asks to leave English 10 through the
 * API.
 */
@OnMariaDb
class TeacherScreenBrowserTest extends BrowserTest {

    /** Signed in as Ms Rivera, on the teacher screen with its event stream open. */
    private void riveraOnTheTeacherScreen() {
        signIn("rivera");
        browser.get(url("/teacher.html"));
        awaitText("Ms Rivera's class on the teacher screen", By.cssSelector("#classes li.card"), "Ava Adams");
    }

    private By request(String passId) {
        return By.cssSelector("#requests li[data-pass-id='" + passId + "']");
    }

    private By badge(String studentName, String color) {
        return By
            .cssSelector("#classes li[data-student-name='" + studentName + "'] .badge[data-color='" + color + "']");
    }

    private void openRequestsTab() {
        browser.findElement(By.id("tab-requests")).click();
    }

    @Test
    void requestFromTheClassPopsUpWithAnOpenAction() {
        riveraOnTheTeacherScreen();

        request("ava", "Restroom");

        WebElement popup = awaitText("a popup for Ava's request", By.cssSelector("#toasts .toast"),
                "Ava Adams asks to go to Restroom");
        assertThat(popup.findElements(By.tagName("button"))).extracting(WebElement::getText).contains("Open");
    }

    @Test
    void requestsTabListsTheRequestWithItsStatus() {
        riveraOnTheTeacherScreen();
        String id = request("ava", "Restroom").getBody().get("id").asText();
        awaitText("the popup", By.cssSelector("#toasts .toast"), "Ava Adams");

        openRequestsTab();

        awaitText("Ava's request in the Requests tab with where it was sent", request(id),
                "Sent to Ms Rivera, Room 204 — delivered");
    }

    @Test
    void timesAreInTheSchoolsTimeZoneWhateverTheDevicesZone() {
        // A laptop set to another zone must show the school's clock, as the pass's own
        // sentences do.
        ((ChromeDriver) browser).executeCdpCommand("Emulation.setTimezoneOverride", Map.of("timezoneId", "Asia/Tokyo"));
        riveraOnTheTeacherScreen();
        var pass = request("ava", "Restroom").getBody();
        String asked = DateTimeFormatter.ofPattern("HH:mm")
            .withZone(ZoneId.of("America/New_York"))
            .format(Instant.parse(pass.get("requestedAt").asText()));

        openRequestsTab();

        awaitText("the request's time on Demo High's clock", request(pass.get("id").asText()), "asked " + asked);
    }

    @Test
    void openingARequestMarksItSeen() {
        riveraOnTheTeacherScreen();
        String id = request("ava", "Restroom").getBody().get("id").asText();
        openRequestsTab();
        awaitText("Ava's request", request(id), "Ava Adams → Restroom");

        clickIn("the Open button of Ava's request", request(id), "button.open");

        awaitText("the request's status after opening it", By.cssSelector("#status-" + id), "— seen ");
    }

    @Test
    void approvingARequestPutsAGreenBadgeOnTheStudentsCard() {
        riveraOnTheTeacherScreen();
        String id = request("ava", "Restroom").getBody().get("id").asText();
        openRequestsTab();
        awaitText("Ava's request", request(id), "Ava Adams → Restroom");

        clickIn("the Approve button of Ava's request", request(id), "button.approve");
        browser.findElement(By.id("tab-class")).click();

        awaitText("a green Restroom badge on Ava's card", badge("Ava Adams", "GREEN"), "Restroom");
    }

    @Test
    void longRunningPassTurnsTheBadgeYellow() {
        String id = out("ava", "Restroom");
        riveraOnTheTeacherScreen();
        awaitText("a green badge first", badge("Ava Adams", "GREEN"), "Restroom");

        fireTimer(id, "Boundary_LongRunning");

        awaitText("a yellow Restroom badge on Ava's card", badge("Ava Adams", "YELLOW"), "Restroom");
    }

    @Test
    void pendingRequestShowsNoBadge() {
        request("ava", "Restroom");

        riveraOnTheTeacherScreen();

        assertThat(browser.findElements(By.cssSelector("#classes li[data-student-name='Ava Adams'] .badge"))).isEmpty();
    }

    @Test
    void requestOffersTheDecisionsTheServerAllows() {
        riveraOnTheTeacherScreen();
        String id = request("ava", "Restroom").getBody().get("id").asText();
        openRequestsTab();

        WebElement card = awaitText("Ava's request", request(id), "Ava Adams → Restroom");

        assertThat(card.findElement(By.cssSelector("button.approve")).isDisplayed()).isTrue();
        assertThat(card.findElement(By.cssSelector("button.deny")).isDisplayed()).isTrue();
    }

    @Test
    void teacherScreenHasNoSeriousAccessibilityViolations() {
        out("ben", "Restroom");
        riveraOnTheTeacherScreen();
        awaitText("Ben's green badge", badge("Ben Brooks", "GREEN"), "Restroom");
        assertNoSeriousAxeViolations("the class view with a student out");

        String id = request("ava", "Nurse").getBody().get("id").asText();
        awaitText("the popup", By.cssSelector("#toasts .toast"), "Ava Adams");
        openRequestsTab();
        awaitText("Ava's request", request(id), "Ava Adams → Nurse");
        assertNoSeriousAxeViolations("the Requests tab with a request and a popup");

        browser.findElement(By.id("bell")).click();
        awaitText("the notification centre", By.id("inbox"), "Notifications");
        assertNoSeriousAxeViolations("the notification centre");
    }

    /**
     * Clicks a button inside the element found now, finding both again if a refresh
     * replaced them.
     */
    private void clickIn(String what, By container, String button) {
        await(what, b -> {
            b.findElement(container).findElement(By.cssSelector(button)).click();
            return true;
        });
    }

}
