package org.corridor.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.chrome.ChromeDriver;

import org.corridor.testing.OnMariaDb;

/**
 * Browser push on the teacher's screen in a real Chromium: turning it on, and the service
 * worker showing what a push brings (delivered through the DevTools protocol, as a push
 * service would) unless a Corridor window is in front.
 */
@OnMariaDb
class PushBrowserTest extends BrowserTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private String teacherTab;

    /** {@link #push} counts on a profile's registration ids starting from 0. */
    @Override
    protected boolean freshBrowserForEachTest() {
        return true;
    }

    private void riveraOnTheTeacherScreen() {
        signIn("rivera");
        browser.get(url("/teacher.html"));
        awaitText("Ms Rivera's class on the teacher screen", By.cssSelector("#classes li.card"), "Ava Adams");
        teacherTab = browser.getWindowHandle();
    }

    private void notificationsAllowed() {
        ((ChromeDriver) browser).executeCdpCommand("Browser.grantPermissions",
                Map.of("origin", url(""), "permissions", List.of("notifications")));
    }

    private void serviceWorkerRegistered() {
        Object answer = ((JavascriptExecutor) browser).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                navigator.serviceWorker.register('/sw.js', { scope: '/' })
                  .then(() => navigator.serviceWorker.ready)
                  .then(r => done(r.active ? 'active' : 'not active'))
                  .catch(e => done(String(e)));
                """);
        assertThat(answer).isEqualTo("active");
    }

    /** Another tab in front: no Corridor window is focused and visible any more. */
    private void corridorInTheBackground() {
        browser.switchTo().newWindow(WindowType.TAB);
        browser.get("about:blank");
    }

    private void backToTheTeacherTab() {
        browser.switchTo().window(teacherTab);
    }

    /**
     * What a push service would hand the browser. The registration's id is not readable
     * without the protocol's events; a fresh profile numbers its registrations from 0 and
     * this one has a single registration, and a push to an id that has none is dropped by
     * the browser, so the first few ids are all tried.
     */
    private void push(Map<String, String> payload) throws Exception {
        ChromeDriver chromium = (ChromeDriver) browser;
        chromium.executeCdpCommand("ServiceWorker.enable", Map.of());
        // Twice, a second apart: the browser tells the worker that the Corridor tab lost
        // the focus a moment after another tab came to the front, and a push in between
        // is (rightly) left to the popup. Both carry one tag, so at most one is shown.
        for (int round = 0; round < 2; round++) {
            for (int id = 0; id < 3; id++) {
                chromium.executeCdpCommand("ServiceWorker.deliverPushMessage",
                        Map.of("origin", url("").replaceAll("/$", ""), "registrationId", String.valueOf(id), "data",
                                JSON.writeValueAsString(payload)));
            }
            Thread.sleep(1000);
        }
    }

    private Map<String, String> requestPayload(String id, String passId) {
        return Map.of("id", id, "kind", "REQUEST", "passId", passId, "title", "Ava Adams asks to go to Restroom",
                "body", "Leaving English 10. Open the Requests tab to approve or deny.", "url",
                "/teacher.html#requests");
    }

    /** The notifications the service worker shows now: title, then its action names. */
    @SuppressWarnings("unchecked")
    private List<List<String>> shown() {
        return (List<List<String>>) ((JavascriptExecutor) browser).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                navigator.serviceWorker.ready
                  .then(r => r.getNotifications())
                  .then(all => done(all.map(n => [n.title, ...n.actions.map(a => a.title)])))
                  .catch(e => done([[String(e)]]));
                """);
    }

    @Test
    void notificationCentreOffersToTurnOnThisDevice() {
        riveraOnTheTeacherScreen();

        browser.findElement(By.id("bell")).click();

        awaitText("the button that turns notifications on", By.id("push-on"), "Turn on notifications on this device");
        awaitText("the state of this device", By.id("push-state"), "Off");
        assertNoSeriousAxeViolations("the notification centre with notifications on this device");
    }

    @Test
    void myDevicesAreListedAndOneCanBeRemoved() {
        String id = java.util.UUID.randomUUID().toString();
        jdbc.update(
                "insert into push_subscription (id, district_id, person_id, endpoint, endpoint_hash, p256dh, auth, "
                        + "label, created_at, version) values (?, ?, ?, ?, ?, ?, ?, 'Firefox on Windows', ?, 0)",
                id, person("rivera").getDistrictId(), person("rivera").getId(), "https://push.example.org/" + id,
                id.replace("-", "") + "0".repeat(32),
                "BH3A121vt06BR-7m3RjUIlrOjv_5YHtidVaC6m6GkxY13TqoHO-H4w7HYAqdwVmP3UHWa_AQrGlYaGWYejTmf98",
                "AAAAAAAAAAAAAAAAAAAAAA", java.sql.Timestamp.from(java.time.Instant.now()));
        riveraOnTheTeacherScreen();
        browser.findElement(By.id("bell")).click();
        awaitText("the device on the list", By.cssSelector("#push-devices li"), "Firefox on Windows");

        browser.findElement(By.cssSelector("#push-devices button[data-device-id='" + id + "']")).click();

        await("the list without the device", b -> b.findElements(By.cssSelector("#push-devices li")).isEmpty());
        assertThat(jdbc.queryForObject("select count(*) from push_subscription where id = ?", Integer.class, id))
            .isZero();
    }

    @Test
    void notificationsBlockedByTheBrowserAreSaidSo() {
        riveraOnTheTeacherScreen();
        ((ChromeDriver) browser).executeCdpCommand("Browser.setPermission",
                Map.of("origin", url(""), "permission", Map.of("name", "notifications"), "setting", "denied"));

        browser.findElement(By.id("bell")).click();

        awaitText("the state of this device", By.id("push-state"), "Blocked by the browser");
        assertThat(browser.findElement(By.id("push-on")).isDisplayed()).isFalse();
    }

    @Test
    void requestPushedWhileCorridorIsInTheBackgroundShowsWithApproveAndDeny() throws Exception {
        riveraOnTheTeacherScreen();
        notificationsAllowed();
        serviceWorkerRegistered();
        corridorInTheBackground();

        push(requestPayload("00000000-0000-0000-0000-000000000001", "00000000-0000-0000-0000-000000000002"));

        backToTheTeacherTab();
        List<List<String>> shown = await("the request's notification", b -> {
            List<List<String>> now = shown();
            return now.isEmpty() ? null : now;
        });
        assertThat(shown).containsExactly(List.of("Ava Adams asks to go to Restroom", "Approve", "Deny"));
    }

    @Test
    void pushWhileCorridorIsInFrontLeavesItToThePopup() throws Exception {
        riveraOnTheTeacherScreen();
        notificationsAllowed();
        serviceWorkerRegistered();

        push(requestPayload("00000000-0000-0000-0000-000000000003", "00000000-0000-0000-0000-000000000004"));
        // the next one, in the background, is shown: the first had its chance to be
        corridorInTheBackground();
        push(Map.of("id", "00000000-0000-0000-0000-000000000005", "kind", "ON_THE_WAY", "title",
                "Ben Baker is on the way to Library", "body", "Check them in when they arrive.", "url",
                "/teacher.html#arriving"));

        backToTheTeacherTab();
        List<List<String>> shown = await("the on-the-way notification", b -> {
            List<List<String>> now = shown();
            return now.isEmpty() ? null : now;
        });
        assertThat(shown).containsExactly(List.of("Ben Baker is on the way to Library"));
    }

    @Test
    void shownRequestIsReportedAsReachingTheDevice() throws Exception {
        riveraOnTheTeacherScreen();
        notificationsAllowed();
        serviceWorkerRegistered();
        String passId = request("ava", "Restroom").getBody().get("id").asText();
        String notificationId = jdbc
            .queryForObject("select id from notification where pass_id = ? and kind = 'REQUEST'", String.class, passId);
        corridorInTheBackground();

        push(requestPayload(notificationId, passId));

        await("the browser's report of the push", b -> jdbc.queryForObject(
                "select count(*) from notification_channel where notification_id = ? and detail = 'shown by the browser'",
                Integer.class, notificationId) == 1);
    }

}
