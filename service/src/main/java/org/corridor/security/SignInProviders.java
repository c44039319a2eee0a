package org.corridor.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.StringUtils;

/**
 * The identity providers a district signs in with, as configured
 * ({@code corridor.oidc.*}, usually by environment variable). A provider without a client
 * id is off; none is on by default, so a demo, a test or a CI run starts without any.
 */
@ConfigurationProperties("corridor.oidc")
record SignInProviders(Google google, Microsoft microsoft) {

    static final String DEFAULT_MICROSOFT_TENANT = "organizations";
    static final String DEFAULT_MICROSOFT_AUTHORITY = "https://login.microsoftonline.com";

    /**
     * Google: a client of the district's Google Cloud project (OAuth client of type "Web
     * application").
     */
    record Google(String clientId, String clientSecret) {
        boolean on() {
            return StringUtils.hasText(clientId) || StringUtils.hasText(clientSecret);
        }
    }

    /**
     * Microsoft Entra ID: an app registration. {@code tenant} is {@code organizations}
     * (any work or school account), {@code common}, or the directory (tenant) id that
     * alone may sign in. {@code authority} is the Entra host: the public cloud by
     * default, or a national cloud (login.microsoftonline.us).
     */
    record Microsoft(String clientId, String clientSecret, String tenant, String authority) {
        boolean on() {
            return StringUtils.hasText(clientId) || StringUtils.hasText(clientSecret);
        }

        String tenantOrDefault() {
            return StringUtils.hasText(tenant) ? tenant.strip() : DEFAULT_MICROSOFT_TENANT;
        }

        String authorityOrDefault() {
            String host = StringUtils.hasText(authority) ? authority.strip() : DEFAULT_MICROSOFT_AUTHORITY;
            return host.endsWith("/") ? host.substring(0, host.length() - 1) : host;
        }
    }

    boolean googleOn() {
        return google != null && google.on();
    }

    boolean microsoftOn() {
        return microsoft != null && microsoft.on();
    }
}
