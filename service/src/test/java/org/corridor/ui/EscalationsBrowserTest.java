package org.corridor.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import com.fasterxml.jackson.databind.JsonNode;

import org.corridor.testing.OnMariaDb;

/**
 * The administrator's day in a real browser: an escalated request arrives live on their
 * Requests view and is approved there; a class covered on the coverage screen sends its
 * requests to the covering teacher, whose screens the administrator then sees (act-as,
 * with its banner); the routing diagnostics form explains where a request goes.
 */
@OnMariaDb
class EscalationsBrowserTest extends BrowserTest {

    /** Live means over the event stream, well before the 30-second refresh. */
    private static final Duration LIVE = Duration.ofSeconds(10);

    @BeforeEach
    @AfterEach
    void noCovers() {
        jdbc.update("delete from section_cover");
        jdbc.update("delete from section_cover_change");
    }

    private void open(String page) {
        browser.get(url(page));
        await("the screen ready", b -> "true".equals(b.findElement(By.tagName("body")).getAttribute("data-ready")));
    }

    @Test
    void anEscalatedRequestArrivesLiveAndTheAdministratorApprovesIt() {
        signIn("admin");
        open("/admin-requests.html");
        awaitText("an empty list", By.id("no-requests"), "No escalated request is waiting.");
        awaitText("the stream connected", By.id("connection"), "Live");

        String id = request("ava", "Restroom").getBody().get("id").asText();
        fireTimer(id, "Boundary_EscalateUnseen");

        new WebDriverWait(browser, LIVE).withMessage("the escalated request on the list within " + LIVE)
            .until(b -> b.findElements(By.cssSelector("#requests li[data-pass-id='" + id + "']"))
                .stream()
                .anyMatch(WebElement::isDisplayed));
        WebElement card = browser.findElement(By.cssSelector("#requests li[data-pass-id='" + id + "']"));
        assertThat(card.getText()).contains("Ava Adams → Restroom").contains("sent to Ms Rivera").contains("escalated");
        assertNoSeriousAxeViolations("an escalated request waiting");
        screenshots("admin-requests");

        card.findElement(By.cssSelector("button.approve")).click();

        awaitText("the approval said", By.id("live"), "Approved: Ava Adams to Restroom.");
        awaitText("the list empty again", By.id("no-requests"), "No escalated request is waiting.");
        JsonNode pass = pass("ava", id);
        assertThat(pass.get("state").asText()).isEqualTo("ACTIVE");
        assertThat(pass.get("decidedBy").get("name").asText()).isEqualTo("Alex Admin");
    }

    @Test
    void aClassCoveredOnTheScreenSendsItsRequestsToTheCoveringTeacher() {
        signIn("admin");
        open("/admin-coverage.html");
        new Select(browser.findElement(By.id("section"))).selectByVisibleText("English 10 (Ms Rivera)");
        browser.findElement(By.id("add")).click();
        awaitText("the missing teacher next to its field", By.cssSelector("#cover-form .field-error"),
                "Choose the covering teacher");
        assertThat(jdbc.queryForObject("select count(*) from section_cover", Integer.class)).isZero();

        new Select(browser.findElement(By.id("teacher"))).selectByVisibleText("Mr Okafor");
        browser.findElement(By.id("add")).click();
        awaitText("the cover on the list", By.id("classes"), "Mr Okafor");
        awaitText("the cover in the history", By.id("history"), "Added");
        assertNoSeriousAxeViolations("a class covered");
        screenshots("admin-coverage");

        String id = request("ava", "Restroom").getBody().get("id").asText();
        assertThat(pass("ava", id).get("routedTo").get("name").asText()).isEqualTo("Mr Okafor");
        assertThat(get("rivera", "/api/requests").getBody().findValuesAsText("id")).doesNotContain(id);

        new Select(browser.findElement(By.id("act-teacher"))).selectByVisibleText("Mr Okafor");
        browser.findElement(By.id("act")).click();
        awaitText("the banner naming whose screens these are", By.cssSelector(".acting-as"),
                "You are seeing Mr Okafor's screens");
        awaitText("the covered class on Mr Okafor's screen", By.id("classes"), "English 10");
        browser.findElement(By.id("tab-requests")).click();
        awaitText("the covered class's request on Mr Okafor's screen", By.id("requests"), "Ava Adams → Restroom");
        assertNoSeriousAxeViolations("a teacher's screens seen by an administrator");
        screenshots("teacher-acting-as");

        browser.findElement(By.id("stop-acting-as")).click();
        await("back on the administrator's screen", b -> b.getCurrentUrl().endsWith("/admin-coverage.html"));
        await("the screen ready", b -> "true".equals(b.findElement(By.tagName("body")).getAttribute("data-ready")));
        assertThat(browser.findElements(By.cssSelector(".acting-as"))).isEmpty();
    }

    @Test
    void theDiagnosticsFormShowsTheVerdictAndEveryReason() {
        signIn("admin");
        open("/admin-diagnostics.html");
        browser.findElement(By.id("ask")).click();
        awaitText("the missing student next to its field", By.cssSelector("#ask-form .field-error"),
                "Find and choose the student first");

        browser.findElement(By.id("find-student")).sendKeys("Ava");
        browser.findElement(By.id("find-student-button")).click();
        awaitText("the student found", By.id("student"), "Ava Adams");
        assertThat(browser.findElement(By.id("live")).getText()).isEqualTo("1 student found.");
        new Select(browser.findElement(By.id("teacher"))).selectByVisibleText("Mr Chen");
        browser.findElement(By.id("ask")).click();

        awaitText("the verdict", By.id("verdict"), "Routed");
        assertThat(browser.findElement(By.id("explanation")).getText()).contains("would go to Ms Rivera");
        assertThat(browser.findElement(By.id("teacher-answer")).getText()).contains("Mr Chen: would not receive it")
            .contains("co-teachers do not receive requests");
        List<String> classes = browser.findElements(By.cssSelector("#sections tbody th"))
            .stream()
            .map(WebElement::getText)
            .toList();
        assertThat(classes).contains("English 10");
        assertNoSeriousAxeViolations("a diagnosis");
        screenshots("admin-diagnostics");
    }

}
