package org.corridor.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;

import org.corridor.roster.RosterSets;
import org.corridor.testing.MapleGroveTerm;
import org.corridor.testing.OnMariaDb;

/**
 * The roster journey of the administrators' guide, in the browser: the demo administrator
 * imports the example roster and reads its report; Maple Grove's district administrator
 * picks the new school, sees the class whose period the bell schedule lacks, gives it a
 * period there, and a student of the class is offered it. The clock stands in the
 * example's school year, so the class is still offered after it ends.
 */
@OnMariaDb
@Import(MapleGroveTerm.class)
class RosterBrowserTest extends BrowserTest {

    private static final Path EXAMPLE = Path.of("../examples/oneroster/maple-grove").toAbsolutePath().normalize();

    private static final String ALL_DAY_PERIOD_1 = """
            [{"name":"1","startsAt":"00:00","endsAt":"00:00","days":["MON","TUE","WED","THU","FRI","SAT","SUN"]}]""";

    @BeforeEach
    @AfterEach
    void noImportedRoster() {
        RosterSets.forgetImports(jdbc);
    }

    @Test
    void exampleRosterImportedFixedOnTheScreenAndItsStudentOfferedTheClass() throws Exception {
        signIn("admin");
        browser.get(url("/admin-roster.html"));
        awaitReady();
        String files = List
            .of("orgs.csv", "academicSessions.csv", "users.csv", "classes.csv", "enrollments.csv", "courses.csv",
                    "manifest.csv")
            .stream()
            .map(f -> EXAMPLE.resolve(f).toString())
            .collect(Collectors.joining("\n"));
        browser.findElement(By.id("roster-files")).sendKeys(files);
        browser.findElement(By.id("import")).click();

        awaitText("the report", By.id("report-summary"), "Applied.");
        WebElement users = awaitText("the users' counts", By.cssSelector("#counts tbody tr"), "Users");
        assertThat(users.getText()).startsWith("Users 9");
        assertThat(browser.findElement(By.id("warnings-table")).getText()).contains("classes.csv", "periods",
                "period '2'");
        awaitText("the import listed", By.cssSelector("#imports tbody tr"), "Applied");
        System.out.println("[measure] example roster through the screen: "
                + browser.findElement(By.id("report-timing")).getText());
        assertNoSeriousAxeViolations("the import's report");
        screenshots("admin-roster-report");

        putSchedule("obi@maplegrove.test", school("Maple Grove High"));
        browser.manage().deleteAllCookies();
        signInAs("rivers@maplegrove.test");
        browser.get(url("/admin-roster.html"));
        awaitReady();
        Select picker = new Select(browser.findElement(By.id("school-choice")));
        assertThat(picker.getOptions().stream().map(WebElement::getText).toList()).contains("Demo High",
                "Maple Grove High");
        picker.selectByVisibleText("Maple Grove High");
        WebElement history = awaitText("the class whose period is missing", By.cssSelector("#classes tbody tr"),
                "World History");
        assertThat(history.getText()).contains("No period of the bell schedule");

        browser.findElement(By.xpath("//button[normalize-space()='Fix World History']")).click();
        awaitText("the fix dialog", By.id("fix-title"), "Fix World History");
        assertThat(new Select(browser.findElement(By.id("fix-room"))).getFirstSelectedOption().getText())
            .isEqualTo("Room 118");
        assertThat(new Select(browser.findElement(By.id("fix-teacher"))).getFirstSelectedOption().getText())
            .isEqualTo("Tom Walsh");
        assertNoSeriousAxeViolations("the class's fix dialog");
        screenshots("admin-roster-fix");
        browser.findElement(By.cssSelector("#fix-periods input[value='1']")).click();
        browser.findElement(By.id("fix-save")).click();
        awaitText("the class saved", By.id("live"), "World History saved: periods 1");
        await("World History out of the gaps",
                b -> b.findElements(By.cssSelector("#classes tbody tr"))
                    .stream()
                    .noneMatch(r -> r.getText().contains("World History")));

        JsonNode offered = read("noah.kim@maplegrove.test", "/api/me/departing-from");
        assertThat(offered.findValuesAsText("section")).contains("World History");

        browser.navigate().refresh();
        awaitReady();
        assertThat(new Select(browser.findElement(By.id("school-choice"))).getFirstSelectedOption().getText())
            .as("the school chosen is remembered")
            .isEqualTo("Maple Grove High");
    }

    private void signInAs(String email) {
        browser.get(url("/login"));
        WebElement field = await("the sign-in form",
                b -> b.findElement(By.id("password-form")).isDisplayed() ? b.findElement(By.name("username")) : null);
        field.sendKeys(email);
        browser.findElement(By.name("password")).sendKeys("demo");
        browser.findElement(By.cssSelector("#password-form button[type=submit]")).click();
        await("signed in as " + email,
                b -> !b.getCurrentUrl().contains("/login") && !b.findElement(By.id("who")).getText().isBlank());
    }

    private String school(String name) {
        return jdbc.queryForObject("select id from school where name = ?", String.class, name);
    }

    private void putSchedule(String who, String school) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        ResponseEntity<JsonNode> answer = http.withBasicAuth(who, "demo")
            .exchange("/api/admin/schools/" + school + "/periods", HttpMethod.PUT,
                    new HttpEntity<>(ALL_DAY_PERIOD_1, headers), JsonNode.class);
        assertThat(answer.getStatusCode()).as("%s", answer.getBody()).isEqualTo(HttpStatus.OK);
    }

    private JsonNode read(String who, String path) {
        ResponseEntity<JsonNode> answer = http.withBasicAuth(who, "demo").getForEntity(path, JsonNode.class);
        assertThat(answer.getStatusCode()).as("GET %s as %s: %s", path, who, answer.getBody()).isEqualTo(HttpStatus.OK);
        return answer.getBody();
    }

    private void awaitReady() {
        await("the screen ready", b -> "true".equals(b.findElement(By.tagName("body")).getAttribute("data-ready")));
    }

}
