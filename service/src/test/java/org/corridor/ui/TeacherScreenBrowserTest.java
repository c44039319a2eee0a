package org.corridor.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.Point;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;

import com.fasterxml.jackson.databind.JsonNode;

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

    private By popup(String passId) {
        return By.cssSelector("#toasts .toast[data-pass-id='" + passId + "']");
    }

    @Test
    void teacherApprovesFromThePopupInOneClick() {
        riveraOnTheTeacherScreen();
        String id = request("ava", "Restroom").getBody().get("id").asText();
        awaitText("a popup for Ava's request", popup(id), "Ava Adams asks to go to Restroom");

        clickIn("the popup's Approve button", popup(id), "button[data-action='approve']");

        await("Ava's pass approved", b -> "ACTIVE".equals(pass("rivera", id).get("state").asText()));
        awaitText("a green Restroom badge on Ava's card", badge("Ava Adams", "GREEN"), "Restroom");
        assertThat(browser.findElements(popup(id))).isEmpty();
    }

    @Test
    void teacherDeniesFromThePopupWithTheReasonTyped() {
        riveraOnTheTeacherScreen();
        String id = request("ava", "Restroom").getBody().get("id").asText();
        WebElement shown = awaitText("a popup for Ava's request", popup(id), "Ava Adams");

        shown.findElement(By.cssSelector("input.reason")).sendKeys("The test starts now");
        clickIn("the popup's Deny button", popup(id), "button[data-action='deny']");

        await("Ava's request denied", b -> "DENIED".equals(pass("rivera", id).get("state").asText()));
        assertThat(pass("rivera", id).get("denyReason").asText()).isEqualTo("The test starts now");
    }

    @Test
    void popupShowsTheRequestsFlags() {
        out("ben", "Restroom");
        out("cara", "Restroom");
        riveraOnTheTeacherScreen();
        // the Restroom holds two: Dan's request is flagged "full"
        String id = request("dan", "Restroom").getBody().get("id").asText();

        awaitText("the popup with the DESTINATION_FULL flag",
                By.cssSelector("#toasts .toast[data-pass-id='" + id + "'] .flags li[data-code='DESTINATION_FULL']"),
                "full");
    }

    @Test
    void popupsStackNewestOnTopThreeAtOnceAndNeverCoverTheRequestsControls() {
        browser.manage().window().setSize(new Dimension(1366, 900));
        riveraOnTheTeacherScreen();
        String last = null;
        for (String student : new String[] { "ava", "ben", "cara", "dan", "eli" }) {
            last = request(student, "Nurse").getBody().get("id").asText();
        }
        String newest = last;
        await("five popups", b -> b.findElements(By.cssSelector("#toasts .toast")).size() == 5);
        openRequestsTab();
        await("five requests listed", b -> b.findElements(By.cssSelector("#requests li.request")).size() == 5);

        assertThat(browser.findElements(By.cssSelector("#toasts .toast")).stream().filter(WebElement::isDisplayed))
            .hasSize(3);
        assertThat(browser.findElement(By.cssSelector("#toasts .toast")).getAttribute("data-pass-id"))
            .as("the newest popup on top")
            .isEqualTo(newest);
        awaitText("the count of popups not shown", By.cssSelector("#toasts .more"), "+2 more");
        Object covered = ((JavascriptExecutor) browser).executeScript("""
                const region = document.getElementById('toasts').getBoundingClientRect();
                return [...document.querySelectorAll('#requests button.approve, #requests button.deny')]
                  .map(b => b.getBoundingClientRect())
                  .filter(r => r.right > region.left && r.left < region.right
                    && r.bottom > region.top && r.top < region.bottom).length;""");
        assertThat(covered).as("Approve and Deny buttons of the list under the popups").isEqualTo(0L);
        screenshots("teacher-popups");
    }

    @Test
    void notificationCentreOpensOverThePageDecidesAndClosesOnEscape() {
        riveraOnTheTeacherScreen();
        String id = request("ava", "Restroom").getBody().get("id").asText();
        awaitText("the popup", popup(id), "Ava Adams");
        Point before = browser.findElement(By.id("classes")).getLocation();

        browser.findElement(By.id("bell")).click();
        WebElement item = awaitText("Ava's request in the notification centre",
                By.cssSelector("#inbox-list li[data-pass-id='" + id + "']"), "Ava Adams");
        assertThat(browser.findElement(By.id("classes")).getLocation()).as("the class list did not move")
            .isEqualTo(before);
        assertThat(browser.switchTo().activeElement().getAttribute("id")).isEqualTo("inbox-title");

        browser.switchTo().activeElement().sendKeys(Keys.ESCAPE);
        await("the centre closed", b -> !b.findElement(By.id("inbox")).isDisplayed());
        assertThat(browser.switchTo().activeElement().getAttribute("id")).as("focus back on the bell")
            .isEqualTo("bell");

        browser.findElement(By.id("bell")).click();
        clickIn("Approve in the notification centre", By.cssSelector("#inbox-list li[data-pass-id='" + id + "']"),
                "button[data-action='approve']");
        await("Ava's pass approved", b -> "ACTIVE".equals(pass("rivera", id).get("state").asText()));
        assertThat(item).isNotNull();

        browser.findElement(By.tagName("h1")).click();
        await("the centre closed by a click outside it", b -> !b.findElement(By.id("inbox")).isDisplayed());
    }

    @Test
    void teacherEndsAPassFromTheClassCardAndIssuesAProxyPass() {
        String bens = out("ben", "Restroom");
        riveraOnTheTeacherScreen();
        awaitText("Ben's green badge", badge("Ben Brooks", "GREEN"), "Restroom");

        clickIn("Ben's card", By.cssSelector("#classes li[data-student-name='Ben Brooks']"), "button.name");
        awaitText("Ben's dialog", By.id("student-dialog"), "Ben Brooks");
        browser.findElement(By.id("student-end")).click();

        await("Ben's pass ended", b -> "COMPLETED".equals(pass("rivera", bens).get("state").asText()));
        await("Ben's badge gone",
                b -> b.findElements(By.cssSelector("#classes li[data-student-name='Ben Brooks'] .badge")).isEmpty());

        clickIn("Ava's card", By.cssSelector("#classes li[data-student-name='Ava Adams']"), "button.name");
        awaitText("Ava's dialog", By.id("student-dialog"), "Ava Adams");
        Select where = new Select(await("the destinations", b -> {
            WebElement select = b.findElement(By.id("proxy-destination"));
            return new Select(select).getOptions().size() > 1 ? select : null;
        }));
        where.selectByValue(destination("Nurse"));
        browser.findElement(By.id("proxy-send")).click();

        awaitText("a green Nurse badge on Ava's card", badge("Ava Adams", "GREEN"), "Nurse");
        awaitText("what was done", By.id("live"), "Pass issued: Ava Adams to Nurse");
    }

    @Test
    void teacherBooksAnAppointmentOnTheSchoolsClock() {
        riveraOnTheTeacherScreen();
        clickIn("Ava's card", By.cssSelector("#classes li[data-student-name='Ava Adams']"), "button.name");
        await("the destinations",
                b -> new Select(b.findElement(By.id("appointment-destination"))).getOptions().size() > 1);
        new Select(browser.findElement(By.id("appointment-destination"))).selectByValue(destination("Library"));
        ZonedDateTime at = ZonedDateTime.now(ZoneId.of("America/New_York"))
            .plusDays(1)
            .withHour(10)
            .withMinute(30)
            .withSecond(0)
            .withNano(0);
        ((JavascriptExecutor) browser).executeScript("document.getElementById('appointment-at').value = arguments[0];",
                at.toLocalDateTime().toString());
        browser.findElement(By.id("appointment-send")).click();

        WebElement said = awaitText("the booking said", By.id("live"), "Appointment booked: Ava Adams to Library");
        JsonNode booked = get("ava", "/api/passes").getBody().get(0);
        assertThat(booked.get("state").asText()).isEqualTo("SCHEDULED");
        assertThat(Instant.parse(booked.get("startsAt").asText())).isEqualTo(at.toInstant());
        assertThat(said.getText()).contains("10:30");
    }

    @Test
    void destinationTeacherLandsOnArrivalsAndSeesWhoIsInTheRoom() {
        String avas = out("ava", "Library");
        String bens = out("ben", "Library");
        post("okafor", "/api/passes/" + bens + "/check-in", Map.of());

        signIn("okafor");
        browser.get(url("/teacher.html"));

        By onTheWay = By.cssSelector("#arrivals ul.on-the-way li[data-pass-id='" + avas + "']");
        awaitText("Ava on the way to the Library", onTheWay, "Ava Adams");
        assertThat(browser.findElement(By.id("tab-arriving")).getAttribute("aria-selected")).isEqualTo("true");
        awaitText("Ben in the room now", By.cssSelector("#arrivals ul.in-room li[data-pass-id='" + bens + "']"),
                "Ben Brooks");
        assertNoSeriousAxeViolations("the arrivals of the Library");
        screenshots("teacher-arrivals");

        clickIn("Check in Ava", onTheWay, "button.primary");
        awaitText("Ava in the room once checked in",
                By.cssSelector("#arrivals ul.in-room li[data-pass-id='" + avas + "']"), "Ava Adams");
    }

    @Test
    void requestWithoutANoteShowsNoNull() {
        riveraOnTheTeacherScreen();
        String id = request("ava", "Restroom").getBody().get("id").asText();
        openRequestsTab();

        WebElement card = awaitText("Ava's request", request(id), "asked ");

        assertThat(card.getText()).doesNotContain("null").doesNotContain("undefined");
    }

    @Test
    void phoneWidthShowsCompactCardsUnderAOneRowHeader() {
        out("ben", "Restroom");
        riveraOnTheTeacherScreen();
        awaitText("Ben's green badge", badge("Ben Brooks", "GREEN"), "Restroom");

        screenshots("teacher");
        browser.manage().window().setSize(new Dimension(390, 844));
        WebElement bar = browser.findElement(By.cssSelector("header.bar"));
        long height = (Long) ((JavascriptExecutor) browser)
            .executeScript("return document.documentElement.scrollHeight;");
        System.out.println("[teacher screen at 390 px] page height " + height + " px, bar height "
                + bar.getSize().getHeight() + " px");

        assertThat(bar.getSize().getHeight()).as("one row of 44 px controls").isLessThan(70);
        assertThat(height).as("24 students in compact cards").isLessThan(1600);
        assertNoSeriousAxeViolations("the teacher screen at 390 px");
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
    void requestToAFullDestinationIsApprovedToWaitForAPlace() {
        out("cara", "Restroom");
        out("dan", "Restroom");
        riveraOnTheTeacherScreen();
        String id = request("ava", "Restroom").getBody().get("id").asText();
        openRequestsTab();
        awaitText("Ava's request flagged full", request(id), "Ava Adams → Restroom");

        clickIn("the request's wait button", request(id), "button.wait");

        await("Ava's pass waiting for a place", b -> "WAITING".equals(pass("rivera", id).get("state").asText()));
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

        browser.findElement(By.id("inbox-close")).click();
        browser.findElement(By.id("tab-class")).click();
        clickIn("Ava's card", By.cssSelector("#classes li[data-student-name='Ava Adams']"), "button.name");
        awaitText("Ava's dialog", By.id("student-dialog"), "Issue a pass now");
        assertNoSeriousAxeViolations("a student's dialog");
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
