package org.corridor.email;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.StringUtils;

/**
 * How Corridor emails (corridor.mail.*; the SMTP server itself is spring.mail.*). Email
 * is on when an SMTP host is configured ({@code CORRIDOR_MAIL_HOST}); then the sender
 * ({@code CORRIDOR_MAIL_FROM}) is required, and Corridor refuses to start without it.
 *
 * @param from the sender, "corridor@school.example" or "Corridor &lt;corridor@...&gt;"
 * @param retryDelays how long to wait before each retry of an email the server could not
 * take for now (no connection, a 4xx reply): one retry per delay
 * @param publicUrl where people open Corridor (CORRIDOR_PUBLIC_URL, https://...), for the
 * links in emails; none without it
 */
@ConfigurationProperties("corridor.mail")
record EmailSettings(String from, List<Duration> retryDelays, String publicUrl) {

    EmailSettings {
        retryDelays = retryDelays == null ? List.of(Duration.ofSeconds(30), Duration.ofMinutes(2))
                : List.copyOf(retryDelays);
        publicUrl = StringUtils.hasText(publicUrl) ? publicUrl.trim().replaceAll("/+$", "") : null;
    }

    /**
     * The sender, checked; fails when email is on and it is missing or not an address.
     */
    InternetAddress sender() {
        if (!StringUtils.hasText(from)) {
            throw new IllegalStateException("CORRIDOR_MAIL_HOST is set but CORRIDOR_MAIL_FROM is not: "
                    + "set the address Corridor's emails come from (corridor.mail.from).");
        }
        try {
            InternetAddress address = new InternetAddress(from.trim(), true);
            address.validate();
            return address;
        }
        catch (AddressException e) {
            throw new IllegalStateException("CORRIDOR_MAIL_FROM is not an email address: " + e.getMessage());
        }
    }

    /** Checked at start-up: a link must be absolute http(s). */
    void checkPublicUrl() {
        if (publicUrl == null) {
            return;
        }
        URI uri = URI.create(publicUrl);
        if (!("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) || uri.getHost() == null) {
            throw new IllegalStateException(
                    "CORRIDOR_PUBLIC_URL must be an absolute http(s) address such as https://corridor.example.org; got "
                            + publicUrl);
        }
    }

    /** The link to a screen, or null without a public address. */
    String link(String path) {
        return publicUrl == null ? null : publicUrl + path;
    }

}
