package org.corridor.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.springframework.http.HttpMethod;

import com.fasterxml.jackson.databind.JsonNode;

import org.corridor.testing.OnMariaDb;

/**
 * The kiosk page (/kiosk) in a real browser: paired once with a code or a pasted token,
 * it serves students who type or scan their number, checks arrivals in at a destination,
 * and says so when it has been revoked.
 */
@OnMariaDb
class KioskPageBrowserTest extends BrowserTest {

    @AfterEach
    void noPinsAndNoPinSetting() {
        jdbc.update("delete from student_pin");
        jdbc.update("update school set kiosk_requires_pin = false");
    }

    @Test
    void pairedWithTheCodeAStudentRequestsByTypingTheirNumber() {
        JsonNode issued = issue("Room 204");
        browser.get(url("/kiosk"));
        WebElement code = await("the pairing form", b -> visible("code"));
        assertNoSeriousAxeViolations("the kiosk's pairing form");
        screenshots("kiosk-pairing");

        code.sendKeys(issued.get("pairingCode").asText());
        browser.findElement(By.id("pair-button")).click();
        WebElement number = await("the start screen", b -> visible("number"));
        assertThat(browser.findElement(By.id("place")).getText()).contains("Room 204");
        assertThat(browser.switchTo().activeElement()).isEqualTo(number);
        assertNoSeriousAxeViolations("the kiosk's start screen");
        screenshots("kiosk-start");

        number.sendKeys("1001");
        browser.findElement(By.id("continue")).click();
        WebElement restroom = awaitText("the destinations", By.cssSelector("#destination-list button"), "Restroom");
        assertThat(browser.findElement(By.id("student")).getText()).doesNotContain("Adams");
        assertNoSeriousAxeViolations("the destinations at the kiosk");
        screenshots("kiosk-destinations");

        restroom.click();
        WebElement done = awaitText("the answer", By.id("done-text"), "Ava A.");
        assertThat(done.getText()).contains("Sent to Ms Rivera").doesNotContain("Adams");
        assertNoSeriousAxeViolations("the kiosk's answer");
        screenshots("kiosk-done");
        assertThat(passCount()).isEqualTo(1);

        await("back at the start after a few seconds", b -> visible("number"));
        assertThat(browser.findElement(By.id("number")).getAttribute("value")).isEmpty();
        browser.navigate().refresh();
        await("still paired after a reload", b -> visible("number"));
    }

    @Test
    void aScannedNumberWithEnterOpensTheStudentsChoices() {
        String token = issue("Room 204").get("token").asText();
        browser.get(url("/kiosk"));
        await("the pairing form", b -> visible("code"));
        browser.findElement(By.cssSelector("#pair details summary")).click();
        browser.findElement(By.id("token")).sendKeys(token);
        browser.findElement(By.id("token-button")).click();
        WebElement number = await("the start screen", b -> visible("number"));

        // a keyboard-wedge scanner: the digits and Enter, as fast as keys can be sent
        number.sendKeys("1002" + Keys.ENTER);
        awaitText("the destinations", By.cssSelector("#destination-list button"), "Restroom").click();

        awaitText("the answer", By.id("done-text"), "Sent to Ms Rivera");
        assertThat(passCount()).isEqualTo(1);
    }

    @Test
    void theLibraryKioskChecksTheStudentIn() {
        String id = out("ava", "Library");
        pairedAs(issue("Library").get("token").asText());

        browser.findElement(By.id("number")).sendKeys("1001" + Keys.ENTER);
        WebElement checkIn = awaitText("the check-in", By.cssSelector("#pass-actions button"), "Check in at Library");
        assertNoSeriousAxeViolations("the open pass at the kiosk");
        screenshots("kiosk-check-in");
        checkIn.click();

        awaitText("the answer", By.id("done-text"), "Ava A.: checked in at Library");
        assertThat(pass("ava", id).get("state").asText()).isEqualTo("COMPLETED");
    }

    @Test
    void anUnknownNumberIsSaidToBeUnknown() {
        pairedAs(issue("Room 204").get("token").asText());

        browser.findElement(By.id("number")).sendKeys("9999" + Keys.ENTER);

        awaitText("the error next to the number", By.cssSelector("#number-form .field-error"),
                "No student with number 9999");
        assertThat(browser.findElement(By.id("number")).getAttribute("aria-invalid")).isEqualTo("true");
        assertNoSeriousAxeViolations("an unknown number");
    }

    @Test
    void whereTheSchoolAsksTheStudentTypesTheirPinAfterScanning() {
        put("admin", "/api/admin/schools/" + schoolId() + "/settings", Map.of("kioskRequiresPin", true));
        put("admin", "/api/admin/students/" + person("ava").getId() + "/kiosk-pin", Map.of("pin", "4821"));
        pairedAs(issue("Room 204").get("token").asText());

        browser.findElement(By.id("number")).sendKeys("1001" + Keys.ENTER);
        WebElement pin = await("the PIN asked next", b -> b.switchTo().activeElement().getAttribute("id").equals("pin")
                ? b.switchTo().activeElement() : null);
        pin.sendKeys("4821" + Keys.ENTER);

        awaitText("the destinations", By.cssSelector("#destination-list button"), "Restroom");
    }

    @Test
    void aRevokedKioskSaysItIsNotPairedAnyMoreAndHowToPairAgain() {
        JsonNode issued = issue("Room 204");
        pairedAs(issued.get("token").asText());
        call("admin", HttpMethod.DELETE, "/api/admin/kiosks/" + issued.get("id").asText(), null, Map.of());

        browser.findElement(By.id("number")).sendKeys("1001" + Keys.ENTER);

        WebElement message = awaitText("the revoked kiosk's message", By.id("unpaired"),
                "This kiosk is not paired any more");
        assertThat(message.getText()).contains("New pairing code");
        assertThat(visible("code")).isNotNull();
        assertNoSeriousAxeViolations("the revoked kiosk");
        screenshots("kiosk-revoked");
        assertThat(((JavascriptExecutor) browser).executeScript("return localStorage.getItem('corridor.kiosk.token');"))
            .isNull();
    }

    private JsonNode issue(String room) {
        return post("admin", "/api/admin/kiosks", Map.of("roomId", room(room), "name", room + " kiosk")).getBody();
    }

    /** The page as a paired device finds it: its credential already stored. */
    private void pairedAs(String token) {
        browser.get(url("/kiosk"));
        await("the page", b -> "true".equals(b.findElement(By.tagName("body")).getAttribute("data-ready")));
        ((JavascriptExecutor) browser).executeScript("localStorage.setItem('corridor.kiosk.token', arguments[0]);",
                token);
        browser.navigate().refresh();
        await("the start screen", b -> visible("number"));
    }

    private WebElement visible(String id) {
        return browser.findElements(By.id(id)).stream().filter(WebElement::isDisplayed).findFirst().orElse(null);
    }

}
