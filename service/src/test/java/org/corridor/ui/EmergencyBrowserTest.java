package org.corridor.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.http.HttpStatus;

import com.fasterxml.jackson.databind.JsonNode;

import org.corridor.testing.OnMariaDb;

/**
 * An administrator declares an emergency on the screen after a confirmation naming the
 * school, sees who was out and where, and clears it; while it is in force the school
 * takes no request.
 */
@OnMariaDb
class EmergencyBrowserTest extends BrowserTest {

    @Test
    void emergencyDeclaredOnTheScreenListsWhoWasOutStopsRequestsAndIsCleared() {
        String passId = out("ava", "Library");
        String school = get("admin", "/api/admin/schools/" + schoolId() + "/emergency").getBody()
            .get("schoolName")
            .asText();
        signIn("admin");
        browser.get(url("/admin-emergency.html"));
        await("the screen ready", b -> "true".equals(b.findElement(By.tagName("body")).getAttribute("data-ready")));
        awaitText("the school's control", By.id("control-state"), "No emergency");
        assertNoSeriousAxeViolations("the emergency control");

        browser.findElement(By.id("declare")).click();
        awaitText("the confirmation naming the school", By.id("confirm-title"),
                "Declare an emergency at " + school + "?");
        assertThat(browser.findElement(By.id("confirm-yes")).getText()).contains(school);
        assertThat(get("admin", "/api/admin/schools/" + schoolId() + "/emergency").getBody().get("inForce").asBoolean())
            .as("nothing declared before the confirmation")
            .isFalse();
        assertNoSeriousAxeViolations("the confirmation dialog");
        browser.findElement(By.id("confirm-yes")).click();

        awaitText("the student who was out, and where", By.cssSelector("#students-out tbody tr"), "Ava Adams");
        assertThat(browser.findElement(By.cssSelector("#students-out tbody tr")).getText()).contains("Library");
        awaitText("the emergency in force", By.id("control-state"), "Emergency in force since");
        awaitText("the emergency in the recent list", By.id("recent"), "In force");
        assertThat(pass("admin", passId).get("state").asText()).isEqualTo("COMPLETED");
        assertNoSeriousAxeViolations("the list of students who were out");
        screenshots("admin-emergency");
        printedAlone();

        var refused = request("ben", "Restroom");
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(refused.getBody().get("type").asText()).endsWith("/emergency-in-force");

        browser.findElement(By.id("clear")).click();
        awaitText("the confirmation to clear", By.id("confirm-title"), "Clear the emergency at " + school + "?");
        browser.findElement(By.id("confirm-yes")).click();
        awaitText("passes as usual", By.id("control-state"), "No emergency");
        JsonNode status = get("admin", "/api/admin/schools/" + schoolId() + "/emergency").getBody();
        assertThat(status.get("inForce").asBoolean()).isFalse();
        assertThat(status.get("recent").get(0).get("clearedAt").isNull()).isFalse();
        assertThat(browser.findElement(By.id("recent")).getText()).doesNotContain("In force");
    }

    /** As printed: the list of students who were out, without the bar and the buttons. */
    private void printedAlone() {
        ChromeDriver chrome = (ChromeDriver) browser;
        chrome.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "print"));
        try {
            assertThat(browser.findElement(By.id("students-out")).isDisplayed()).isTrue();
            assertThat(browser.findElement(By.cssSelector("header.bar")).isDisplayed()).isFalse();
            assertThat(browser.findElement(By.id("control")).isDisplayed()).isFalse();
            assertThat(browser.findElement(By.id("print")).isDisplayed()).isFalse();
        }
        finally {
            chrome.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", ""));
        }
    }

}
