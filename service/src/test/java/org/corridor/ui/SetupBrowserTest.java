package org.corridor.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import org.corridor.testing.OnMariaDb;

/**
 * An administrator finds the school setup through the bar's School menu, changes a
 * destination and a setting there, and sees the API's refusals next to the fields they
 * name (or in the confirmation, for a room still in use); nothing refused is stored.
 */
@OnMariaDb
class SetupBrowserTest extends BrowserTest {

    /** The demo school's Library and settings as the demo seeds them. */
    @AfterEach
    void restoreTheDemoSchool() {
        jdbc.update("update location set capacity = 10, is_open = true where name = 'Library' and school_id = ?",
                schoolId());
        jdbc.update("""
                update school set long_running_minutes = 10, auto_end_minutes = 45, request_expiry_minutes = 15,
                  resend_after_seconds = 120, escalate_after_seconds = 300, escalate_to = 'ADMINISTRATORS',
                  appointment_lead_minutes = 5, counted_pass_types = 'REGULAR,AUTO,PROXY',
                  email_escalations_to = 'ESCALATION_CONTACTS', email_ended_by_system_to = 'DEPARTING_TEACHER',
                  email_emergencies_to = 'ALL_STAFF'
                where id = ?""", schoolId());
        schoolsOrLocationsChangedInSql();
    }

    @Test
    void theSchoolMenuLeadsToSetupAndClosesWithEscape() {
        signIn("admin");

        List<String> groups = browser.findElements(By.cssSelector("header nav .nav-group"))
            .stream()
            .map(WebElement::getText)
            .toList();
        assertThat(groups).containsExactly("Today", "School", "Policy", "Reports");
        WebElement school = button("School");
        assertThat(school.getAttribute("aria-expanded")).isEqualTo("false");
        school.click();
        assertThat(school.getAttribute("aria-expanded")).isEqualTo("true");
        assertThat(browser.findElement(By.linkText("School setup")).isDisplayed()).isTrue();
        assertNoSeriousAxeViolations("the School menu open");
        browser.switchTo().activeElement().sendKeys(Keys.ESCAPE);
        assertThat(school.getAttribute("aria-expanded")).isEqualTo("false");
        assertThat(browser.switchTo().activeElement()).isEqualTo(school);
        browser.manage().window().setSize(new Dimension(1366, 900));
        assertThat(barHeight()).as("the bar stays one row at 1366 px").isLessThan(80);

        school.click();
        // after the keyboard's part: at 390 px the screens are in the closed menu, which
        // takes the focus away
        screenshots("admin-nav-open");
        browser.findElement(By.linkText("School setup")).click();
        awaitReady();
        assertThat(button("School").getAttribute("class")).contains("here");
        assertThat(browser.findElement(By.cssSelector("nav a[aria-current=page]")).getAttribute("textContent"))
            .isEqualTo("School setup");
    }

    @Test
    void atAPhonesWidthTheBarIsOneRowAndTheScreensAreBehindAMenuButton() {
        browser.manage().window().setSize(new Dimension(390, 844));
        signIn("admin");

        WebElement menu = browser.findElement(By.id("menu-toggle"));
        assertThat(barHeight()).as("the bar is one row at 390 px").isLessThan(80);
        assertThat(menu.getAttribute("aria-expanded")).isEqualTo("false");
        assertThat(browser.findElement(By.cssSelector("header nav")).isDisplayed()).isFalse();
        assertNoSeriousAxeViolations("the bar at 390 px, its menu closed");
        menu.click();
        assertThat(menu.getAttribute("aria-expanded")).isEqualTo("true");
        assertThat(browser.findElement(By.id("who")).isDisplayed()).isTrue();
        button("School").sendKeys(Keys.ENTER);
        assertThat(browser.findElement(By.linkText("School setup")).isDisplayed()).isTrue();
        assertNoSeriousAxeViolations("the bar at 390 px, its menu and the School group open");
        screenshots("admin-nav-menu-open");
        browser.manage().window().setSize(new Dimension(390, 844));
        // the group's list closes first, then the menu, each giving the focus back to its
        // button
        browser.switchTo().activeElement().sendKeys(Keys.ESCAPE);
        assertThat(browser.switchTo().activeElement()).isEqualTo(button("School"));
        browser.switchTo().activeElement().sendKeys(Keys.ESCAPE);
        assertThat(menu.getAttribute("aria-expanded")).isEqualTo("false");
        assertThat(browser.switchTo().activeElement()).isEqualTo(menu);
        assertThat(browser.findElement(By.cssSelector("header nav")).isDisplayed()).isFalse();
        screenshots("admin-nav-menu-closed");

        browser.manage().window().setSize(new Dimension(1366, 900));
        assertThat(menu.isDisplayed()).as("no menu button at 1366 px").isFalse();
        assertThat(browser.findElement(By.cssSelector("header nav")).isDisplayed()).isTrue();
        assertThat(barHeight()).as("the bar stays one row at 1366 px").isLessThan(80);
    }

    @Test
    void administratorChangesADestinationAndASettingAndSeesRefusalsWhereTheyBelong() {
        signIn("admin");
        browser.get(url("/admin-setup.html"));
        awaitReady();
        awaitText("the Library in the list", By.cssSelector("#locations tbody tr"), "Library");
        assertNoSeriousAxeViolations("the school setup screen");
        screenshots("admin-setup");

        // a destination: the Library takes 7 students at once and is closed
        browser.findElement(By.xpath("//button[normalize-space()='Change Library']")).click();
        WebElement capacity = browser.findElement(By.id("place-capacity"));
        capacity.clear();
        capacity.sendKeys("7");
        browser.findElement(By.id("place-open")).click();
        browser.findElement(By.id("place-save")).click();
        awaitText("the change confirmed", By.id("live"), "Library saved.");
        WebElement library = awaitText("the Library's new capacity", By.cssSelector("#locations tbody tr"), "Library");
        assertThat(library.getText()).contains("7");
        var stored = get("admin", "/api/admin/schools/" + schoolId() + "/locations").getBody();
        var libraryStored = java.util.stream.StreamSupport.stream(stored.spliterator(), false)
            .filter(l -> l.get("name").asText().equals("Library"))
            .findFirst()
            .orElseThrow();
        assertThat(libraryStored.get("capacity").asInt()).isEqualTo(7);
        assertThat(libraryStored.get("open").asBoolean()).isFalse();

        // a new destination without a name: the API's 400 next to the field, nothing made
        int before = stored.size();
        browser.findElement(By.id("place-capacity")).sendKeys("3");
        browser.findElement(By.id("place-save")).click();
        WebElement nameError = awaitText("the name's error", By.cssSelector("#place-form .field-error"),
                "must not be blank");
        assertThat(browser.findElement(By.id("place-name")).getAttribute("aria-describedby"))
            .contains(nameError.getAttribute("id"));
        assertThat(get("admin", "/api/admin/schools/" + schoolId() + "/locations").getBody().size()).isEqualTo(before);

        // a room classes meet in cannot go: the 409 in the confirmation, which stays open
        browser.findElement(By.xpath("//button[normalize-space()='Remove Room 204']")).click();
        awaitText("the confirmation", By.id("confirm-title"), "Remove Room 204?");
        browser.findElement(By.id("confirm-yes")).click();
        awaitText("the refusal, as the API says it", By.id("confirm-error"), "Location in use");
        assertNoSeriousAxeViolations("a refused removal");
        browser.findElement(By.id("confirm-no")).click();

        // a setting: auto-end before long-running is refused next to the field, then
        // fixed
        WebElement longRunning = browser.findElement(By.id("longRunningMinutes"));
        longRunning.clear();
        longRunning.sendKeys("20");
        WebElement autoEnd = browser.findElement(By.id("autoEndMinutes"));
        autoEnd.clear();
        autoEnd.sendKeys("15");
        browser.findElement(By.id("settings-save")).click();
        awaitText("the error next to auto-end", By.cssSelector("#settings-form .field-error"),
                "must be greater than longRunningMinutes");
        assertThat(autoEnd.getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(get("admin", "/api/admin/schools/" + schoolId() + "/settings").getBody()
            .get("longRunningMinutes")
            .asInt()).isEqualTo(10);
        assertNoSeriousAxeViolations("a refused setting");
        screenshots("admin-setup-refused");
        autoEnd.clear();
        autoEnd.sendKeys("50");
        new Select(browser.findElement(By.id("emailEmergenciesTo"))).selectByValue("ADMINISTRATORS");
        browser.findElement(By.id("settings-save")).click();
        awaitText("the settings saved", By.id("live"), "Times and limits saved.");
        var settings = get("admin", "/api/admin/schools/" + schoolId() + "/settings").getBody();
        assertThat(settings.get("longRunningMinutes").asInt()).isEqualTo(20);
        assertThat(settings.get("autoEndMinutes").asInt()).isEqualTo(50);
        assertThat(settings.get("emailEmergenciesTo").asText()).isEqualTo("ADMINISTRATORS");

        // the bell schedule: a period without times is refused at its fields, nothing
        // stored
        int periods = get("admin", "/api/admin/schools/" + schoolId() + "/periods").getBody().size();
        browser.findElement(By.id("period-add")).click();
        browser.switchTo().activeElement().sendKeys("Late");
        browser.findElement(By.id("periods-save")).click();
        awaitText("the missing start time", By.cssSelector("#periods-form .field-error"), "must be a time like 08:30");
        assertThat(get("admin", "/api/admin/schools/" + schoolId() + "/periods").getBody().size()).isEqualTo(periods);
        assertNoSeriousAxeViolations("the bell schedule with a refused period");

        // a period overlapping another on a day both meet: the error beside its row
        var first = get("admin", "/api/admin/schools/" + schoolId() + "/periods").getBody().get(0);
        List<WebElement> rows = browser.findElements(By.cssSelector("#periods tbody tr"));
        WebElement late = rows.get(rows.size() - 1);
        ((JavascriptExecutor) browser).executeScript(
                "arguments[0].value = arguments[2]; arguments[1].value = arguments[3];",
                late.findElement(By.cssSelector(".period-starts")), late.findElement(By.cssSelector(".period-ends")),
                first.get("startsAt").asText(), first.get("endsAt").asText());
        for (WebElement day : late.findElements(By.cssSelector(".period-days input"))) {
            if (first.get("days").toString().contains(day.getAttribute("value")) != day.isSelected()) {
                day.click();
            }
        }
        browser.findElement(By.id("periods-save")).click();
        WebElement overlap = awaitText("the overlap beside its row",
                By.cssSelector("#periods tbody tr:last-child .field-error"),
                "overlaps period '" + first.get("name").asText() + "'");
        WebElement lateName = late.findElement(By.cssSelector(".period-name"));
        assertThat(lateName.getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(lateName.getAttribute("aria-describedby")).contains(overlap.getAttribute("id"));
        assertThat(get("admin", "/api/admin/schools/" + schoolId() + "/periods").getBody().size()).isEqualTo(periods);
        assertNoSeriousAxeViolations("the bell schedule with an overlapping period");
    }

    @Test
    void pageLoadsOfTheNewScreensAreMeasured() {
        signIn("admin");
        for (String page : List.of("/admin.html", "/admin-setup.html", "/admin-roster.html")) {
            long opening = System.nanoTime();
            browser.get(url(page));
            if (!page.equals("/admin.html")) {
                awaitReady();
            }
            else {
                awaitText("the hub", By.id("rules-status"), "Version");
            }
            long readyMs = (System.nanoTime() - opening) / 1_000_000;
            Object loadMs = ((JavascriptExecutor) browser).executeScript(
                    "const n = performance.getEntriesByType('navigation')[0]; return Math.round(n.loadEventEnd - n.startTime);");
            System.out.println("[measure] " + page + ": load event " + loadMs + " ms, ready " + readyMs + " ms");
            assertThat(readyMs).as(page + " ready").isLessThan(10_000);
        }
        assertNoSeriousAxeViolations("the roster screen");
        screenshots("admin-roster");
        browser.get(url("/admin.html"));
        awaitText("the hub", By.id("rules-status"), "Version");
        assertThat(browser.findElements(By.cssSelector("#consoles h2")).stream().map(WebElement::getText).toList())
            .containsExactly("Today", "School", "Policy", "Reports");
        assertNoSeriousAxeViolations("the console's hub");
        screenshots("admin-hub");
    }

    private WebElement button(String text) {
        return browser.findElement(By.xpath("//header//button[contains(@class,'nav-group')][normalize-space()='" + text
                + "' or starts-with(normalize-space(), '" + text + " ')]"));
    }

    private long barHeight() {
        return ((Number) ((JavascriptExecutor) browser)
            .executeScript("return document.querySelector('header.bar').getBoundingClientRect().height;")).longValue();
    }

    private void awaitReady() {
        await("the screen ready", b -> "true".equals(b.findElement(By.tagName("body")).getAttribute("data-ready")));
    }

}
