package org.corridor.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;

import org.corridor.location.Location;
import org.corridor.person.Person;
import org.corridor.person.Role;
import org.corridor.school.School;
import org.corridor.school.SchoolRepository;
import org.corridor.testing.OnMariaDb;

/**
 * An administrator issues a kiosk on the screen, reads its token the one time it is
 * shown, and revokes it; the kiosk's client is answered with the token until then, and
 * refused after. A district's administrator picks the school first.
 */
@OnMariaDb
class KioskBrowserTest extends BrowserTest {

    private static final String NAME = "Room 204 door (browser)";

    private static final String ANNEX_KIOSK = "Annex Room 1 door (browser)";

    @Autowired
    SchoolRepository schools;

    @BeforeEach
    @AfterEach
    void forgetThisTestsKiosks() {
        jdbc.update("delete from kiosk where name = ?", NAME);
    }

    @Test
    void kioskIssuedOnTheScreenWorksUntilRevokedThere() {
        int kiosksBefore = kiosks();
        signIn("admin");
        browser.get(url("/admin-kiosks.html"));
        await("the screen ready", b -> "true".equals(b.findElement(By.tagName("body")).getAttribute("data-ready")));

        new Select(browser.findElement(By.id("room"))).selectByVisibleText("Room 204");
        browser.findElement(By.id("issue")).click();
        WebElement nameError = await("the error next to the name",
                b -> b.findElements(By.cssSelector("#new-form .field-error"))
                    .stream()
                    .filter(e -> e.isDisplayed() && !e.getText().isBlank())
                    .findFirst()
                    .orElse(null));
        assertThat(browser.findElement(By.id("name")).getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(browser.findElement(By.id("name")).getAttribute("aria-describedby"))
            .contains(nameError.getAttribute("id"));
        assertThat(kiosks()).isEqualTo(kiosksBefore);
        assertNoSeriousAxeViolations("the issue form with a field error");

        browser.findElement(By.id("name")).sendKeys(NAME);
        browser.findElement(By.id("issue")).click();
        awaitText("the token shown once", By.id("issued"), "cannot show it again");
        String token = browser.findElement(By.id("token")).getText();
        assertThat(token).isNotBlank();
        assertThat(browser.findElement(By.id("issued")).getText()).contains("X-Kiosk-Token").contains("/kiosk");
        assertThat(browser.findElement(By.id("pairing-code")).getText()).matches("[A-Z2-9]{4}-[A-Z2-9]{4}");
        awaitText("the kiosk in the list", By.id("kiosks"), NAME);
        assertNoSeriousAxeViolations("the token shown once and the list");
        screenshots("admin-kiosks");

        var me = asKiosk(token, HttpMethod.GET, "/api/me", null);
        assertThat(me.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(me.getBody().get("kiosk").get("name").asText()).isEqualTo(NAME);
        assertThat(me.getBody().get("kiosk").get("room").get("name").asText()).isEqualTo("Room 204");

        browser.findElement(By.id("done")).click();
        assertThat(browser.findElement(By.id("issued")).isDisplayed()).isFalse();
        browser.navigate().refresh();
        await("the screen ready", b -> "true".equals(b.findElement(By.tagName("body")).getAttribute("data-ready")));
        WebElement row = awaitText("the kiosk's last use", By.cssSelector("#kiosks tbody tr"), NAME);
        assertThat(row.getText()).doesNotContain("Never").doesNotContain(token);

        browser.findElement(By.xpath("//button[normalize-space()='Revoke " + NAME + "']")).click();
        awaitText("what revoking does", By.id("confirm-body"), "never accepted again");
        assertNoSeriousAxeViolations("the revoke confirmation");
        browser.findElement(By.id("confirm-yes")).click();
        awaitText("the kiosk revoked", By.cssSelector("#kiosks tbody tr"), "Revoked");

        assertThat(asKiosk(token, HttpMethod.GET, "/api/me", null).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void aDistrictAdministratorIssuesAKioskInTheSchoolPicked() {
        String district = jdbc.queryForObject("select district_id from person where email = 'admin@corridor.test'",
                String.class);
        School annex = schools.save(new School(district, "North Annex", ZoneId.of("America/New_York")));
        Location annexRoom = locations.save(Location.room(annex.getId(), "Annex Room 1"));
        Person districtAdmin = people
            .save(new Person(district, null, "district-kiosks@corridor.test", "Dana", "District", Role.ADMIN));
        try {
            signIn("district-kiosks");
            browser.get(url("/admin-kiosks.html"));
            await("the screen ready", b -> "true".equals(b.findElement(By.tagName("body")).getAttribute("data-ready")));
            Select picker = new Select(browser.findElement(By.id("school-choice")));
            assertThat(picker.getOptions().stream().map(WebElement::getText).toList()).contains("Demo High",
                    "North Annex");
            assertNoSeriousAxeViolations("the kiosks screen with its school picker");

            picker.selectByVisibleText("North Annex");
            await("the annex's rooms offered", b -> rooms().contains("Annex Room 1") && !rooms().contains("Room 204"));
            browser.findElement(By.id("name")).sendKeys(ANNEX_KIOSK);
            new Select(browser.findElement(By.id("room"))).selectByVisibleText("Annex Room 1");
            browser.findElement(By.id("issue")).click();
            awaitText("the kiosk in the annex's list", By.id("kiosks"), ANNEX_KIOSK);
            assertThat(jdbc.queryForObject("select school_id from kiosk where name = ?", String.class, ANNEX_KIOSK))
                .isEqualTo(annex.getId());

            picker.selectByVisibleText("Demo High");
            await("Demo High's rooms offered", b -> rooms().contains("Room 204"));
            await("Demo High's list, without the annex's kiosk",
                    b -> !b.findElement(By.id("kiosks")).getText().contains(ANNEX_KIOSK));
        }
        finally {
            jdbc.update("delete from kiosk where name = ?", ANNEX_KIOSK);
            people.delete(districtAdmin);
            locations.delete(annexRoom);
            schools.delete(annex);
        }
    }

    private List<String> rooms() {
        return new Select(browser.findElement(By.id("room"))).getOptions().stream().map(WebElement::getText).toList();
    }

    private int kiosks() {
        return jdbc.queryForObject("select count(*) from kiosk", Integer.class);
    }

}
