package org.corridor.ui;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;

import com.fasterxml.jackson.databind.JsonNode;

import org.corridor.testing.OnMariaDb;

/**
 * A teacher opens Email notifications from the notification centre, turns one kind off,
 * and sees a refusal where it belongs.
 */
@OnMariaDb
class NotificationPreferencesBrowserTest extends BrowserTest {

    private static final String PATH = "/api/me/notification-preferences";

    @BeforeEach
    void noChoicesYet() {
        jdbc.update("delete from notification_preference");
    }

    @Test
    void teacherTurnsEmergencyEmailsOffFromTheNotificationCentre() {
        signIn("rivera");
        browser.findElement(By.id("bell")).click();
        browser.findElement(By.id("inbox-email")).click();
        awaitReady();
        WebElement emergency = browser.findElement(By.id("email-EMERGENCY"));
        assertThat(emergency.isSelected()).isTrue();
        assertThat(browser.findElement(By.cssSelector("label[for='email-EMERGENCY']")).getText())
            .isEqualTo("An emergency is declared or cleared");
        assertNoSeriousAxeViolations("the email notifications screen");
        screenshots("notification-preferences");

        emergency.click();
        browser.findElement(By.id("save")).click();
        awaitText("the choices saved", By.id("live"), "Your choices are saved.");

        assertThat(emailChoice("EMERGENCY")).isFalse();
        assertThat(emailChoice("REQUEST_ESCALATED")).isTrue();
        browser.navigate().refresh();
        awaitReady();
        assertThat(browser.findElement(By.id("email-EMERGENCY")).isSelected()).isFalse();
    }

    @Test
    void refusalIsShownAndNothingChanges() {
        signIn("rivera");
        browser.get(url("/notification-preferences.html"));
        awaitReady();
        // a kind the server does not email, as an outdated page might send
        ((JavascriptExecutor) browser).executeScript(
                "const box = document.getElementById('email-EMERGENCY'); box.name = 'REQUEST'; box.checked = false;");

        browser.findElement(By.id("save")).click();

        awaitText("the refusal", By.id("preferences-error"), "preferences[2].kind");
        assertNoSeriousAxeViolations("a refused change");
        assertThat(emailChoice("EMERGENCY")).isTrue();
    }

    private boolean emailChoice(String kind) {
        for (JsonNode p : get("rivera", PATH).getBody().get("preferences")) {
            if (p.get("kind").asText().equals(kind)) {
                return p.get("email").asBoolean();
            }
        }
        throw new AssertionError("no choice for " + kind);
    }

    private void awaitReady() {
        await("the screen ready", b -> "true".equals(b.findElement(By.tagName("body")).getAttribute("data-ready")));
    }

}
