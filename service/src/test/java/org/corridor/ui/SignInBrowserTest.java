package org.corridor.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import org.corridor.testing.OnMariaDb;

/** Corridor's sign-in page in a real browser, and the screen each role lands on. */
@OnMariaDb
class SignInBrowserTest extends BrowserTest {

    private WebElement field(String id) {
        return browser.findElement(By.id(id));
    }

    private void openSignInPage() {
        browser.get(url("/login"));
        await("the password form", b -> b.findElement(By.id("password-form")).isDisplayed());
    }

    @Test
    void wrongPasswordIsSaidOnTheSignInPage() {
        openSignInPage();
        field("username").sendKeys("ava@corridor.test");
        field("password").sendKeys("not-the-password");

        field("sign-in").click();

        awaitText("the refusal on the sign-in page", By.id("error"), "Sign-in failed.");
        assertThat(browser.getCurrentUrl()).endsWith("/login?error");
        assertThat(field("error").getText()).contains("Corridor does not know this email with this password.");
        assertThat(field("password").getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(field("username").getAttribute("value")).isEqualTo("ava@corridor.test");
        assertNoSeriousAxeViolations("the sign-in page after a wrong password");
        screenshots("sign-in-wrong-password");
    }

    /**
     * The demo's password sign-in does not tell who has an account: an email of no person
     * with the demo password is answered as a wrong password (the pass failure, which
     * names the email, is for sign-in with an identity provider).
     */
    @Test
    void emailOfNoPersonIsAnsweredAsAWrongPassword() {
        openSignInPage();
        field("username").sendKeys("nobody@corridor.test");
        field("password").sendKeys("demo");

        field("sign-in").click();

        awaitText("the sign-in error", By.id("error"), "Corridor does not know this email with this password.");
        assertThat(browser.getPageSource()).doesNotContain("no Corridor account for");
        assertThat(field("username").getAttribute("value")).isEqualTo("nobody@corridor.test");
    }

    @Test
    void emptyFormIsNotSentAndSaysWhatIsMissing() {
        openSignInPage();

        field("sign-in").click();

        awaitText("what is missing", By.id("error"), "Check the form.");
        assertThat(browser.getCurrentUrl()).endsWith("/login");
        assertThat(browser.findElements(By.cssSelector(".field-error"))).extracting(WebElement::getText)
            .containsExactly("Enter the email of your school account.", "Enter your password.");
        assertThat(browser.switchTo().activeElement()).isEqualTo(field("username"));
    }

    @Test
    void signInPageOffersThePasswordFormAndNoProviderWhenNoneIsConfigured() {
        openSignInPage();

        assertThat(field("providers").isDisplayed()).isFalse();
        assertThat(browser.getTitle()).isEqualTo("Sign in — Corridor");
        assertNoSeriousAxeViolations("the sign-in page");
        screenshots("sign-in");
    }

    @ParameterizedTest(name = "{0} lands on {1}")
    @CsvSource({ "ava, /student.html, My pass", "rivera, /teacher.html, My class", "admin, /admin.html, Administration",
            "auditor, /auditor.html, Search passes" })
    void eachRoleLandsOnItsOwnScreen(String who, String page, String heading) {
        signIn(who);

        // the auditor's search keeps its filters in the address: the page, not the query
        assertThat(browser.getCurrentUrl().replaceFirst("\\?.*$", "")).endsWith(page);
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo(heading);
        assertThat(browser.findElement(By.cssSelector("nav a[aria-current=page]")).getText())
            .isEqualTo(browser.findElements(By.cssSelector("nav a"))
                .stream()
                .filter(a -> a.getAttribute("href").endsWith(page))
                .findFirst()
                .orElseThrow()
                .getText());
    }

    @Test
    void administratorLandsOnTheConsoleWithItsScreensInTheNavigation() {
        signIn("admin");

        List<String> nav = browser.findElements(By.cssSelector("header nav a"))
            .stream()
            .map(a -> a.getAttribute("textContent") + " " + a.getAttribute("href").replaceFirst("^https?://[^/]+", ""))
            .toList();
        assertThat(nav).containsExactly("Administration /admin.html", "Escalated requests /admin-requests.html",
                "Routing diagnostics /admin-diagnostics.html", "Emergency /admin-emergency.html",
                "Email notifications /notification-preferences.html", "School setup /admin-setup.html",
                "Roster /admin-roster.html", "Kiosks /admin-kiosks.html", "Covered classes /admin-coverage.html",
                "Rule sets /admin-rules.html", "Accommodations /admin-accommodations.html",
                "No-contact /admin-no-contact.html", "Reports /admin-reports.html", "API explorer /swagger-ui.html");
        List<String> groups = browser.findElements(By.cssSelector("header nav .nav-group"))
            .stream()
            .map(WebElement::getText)
            .toList();
        assertThat(groups).containsExactly("Today", "School", "Policy", "Reports");
        awaitText("the rule set in force", By.id("rules-status"), "Version 1 is active");
        assertNoSeriousAxeViolations("the administrator's console home");
        screenshots("admin");
    }

    @Test
    void auditorLandsOnTheSearchWithTheReadsLogAndReportsInTheNavigation() {
        signIn("auditor");

        awaitText("the auditor's search", By.tagName("h1"), "Search passes");
        assertThat(browser.findElements(By.cssSelector("header nav a"))
            .stream()
            .map(a -> a.getAttribute("textContent"))
            .toList()).contains("Search passes", "Reads log", "Reports");
        assertNoSeriousAxeViolations("the auditor's page");
        screenshots("auditor");
    }

    @Test
    void studentAndTeacherLandingPagesAreScreenshotAtBothWidths() {
        signIn("ava");
        awaitText("the form", By.id("form-title"), "Ask to leave class");
        screenshots("student");

        browser.manage().deleteAllCookies();
        signIn("rivera");
        awaitText("Ms Rivera's class", By.cssSelector("#classes li.card"), "Ava Adams");
        screenshots("teacher");
    }

    @Test
    void screenAskedForBeforeSigningInIsTheOneAfter() {
        browser.get(url("/teacher.html"));
        await("the sign-in page", b -> b.getCurrentUrl().contains("/login"));
        field("username").sendKeys("rivera@corridor.test");
        field("password").sendKeys("demo");

        field("sign-in").click();

        await("the teacher screen", b -> b.getCurrentUrl().contains("/teacher.html"));
    }

    @Test
    void signingOutEndsOnTheSignInPageSayingSo() {
        signIn("rivera");

        field("sign-out").click();

        awaitText("the signed-out notice", By.id("signed-out"), "You are signed out.");
        browser.get(url("/teacher.html"));
        await("the sign-in page again", b -> b.getCurrentUrl().contains("/login"));
    }

    @Test
    void studentOnAnotherRolesScreenIsToldAndSentHome() {
        signIn("ava");

        browser.get(url("/admin.html"));

        WebElement error = awaitText("the refusal", By.id("error"), "This screen is for administrators");
        assertThat(error.findElement(By.linkText("Go to My pass")).getAttribute("href")).endsWith("/student.html");
    }

}
