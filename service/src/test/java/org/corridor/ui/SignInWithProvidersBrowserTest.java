package org.corridor.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.test.context.TestPropertySource;

import org.corridor.testing.OnMariaDb;

/**
 * The sign-in page where the district configured Google and Microsoft (their endpoints
 * are built in, so no provider is called until someone clicks), beside the demo's
 * password form.
 */
@OnMariaDb
@TestPropertySource(
        properties = { "corridor.oidc.google.client-id=corridor-test", "corridor.oidc.google.client-secret=not-used",
                "corridor.oidc.microsoft.client-id=corridor-test", "corridor.oidc.microsoft.client-secret=not-used" })
class SignInWithProvidersBrowserTest extends BrowserTest {

    @Test
    void signInPageOffersEachConfiguredProviderBesideThePasswordForm() {
        browser.get(url("/login"));

        awaitText("the Google button", By.cssSelector("#providers a"), "Sign in with Google");
        assertThat(browser.findElements(By.cssSelector("#providers a")))
            .extracting(WebElement::getText, a -> a.getAttribute("href").replaceFirst("^https?://[^/]+", ""))
            .containsExactly(tuple("Sign in with Google", "/oauth2/authorization/google"),
                    tuple("Sign in with Microsoft", "/oauth2/authorization/microsoft"));
        assertThat(browser.findElement(By.id("password-form")).isDisplayed()).isTrue();
        assertThat(browser.findElement(By.id("or")).getText()).isEqualTo("or with a password");
        assertNoSeriousAxeViolations("the sign-in page with providers");
        screenshots("sign-in-providers");
    }

}
