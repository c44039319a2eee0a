package org.corridor.push;

import java.net.URI;

import nl.martijndwars.webpush.Notification;
import nl.martijndwars.webpush.Urgency;
import org.bouncycastle.jce.interfaces.ECPublicKey;

/**
 * One push to one browser. The VAPID token's audience is the endpoint's origin (RFC 8292
 * section 2): scheme, host and, when it is not the scheme's default, port, which the
 * library's own {@code getOrigin} leaves out.
 */
final class PushMessage extends Notification {

    PushMessage(String endpoint, ECPublicKey browserKey, byte[] auth, byte[] payload, int ttlSeconds, Urgency urgency) {
        super(endpoint, browserKey, auth, payload, ttlSeconds, urgency, null);
    }

    @Override
    public String getOrigin() {
        URI uri = URI.create(getEndpoint());
        int port = uri.getPort();
        boolean defaultPort = port == -1 || ("https".equalsIgnoreCase(uri.getScheme()) && port == 443)
                || ("http".equalsIgnoreCase(uri.getScheme()) && port == 80);
        return uri.getScheme().toLowerCase() + "://" + uri.getHost().toLowerCase() + (defaultPort ? "" : ":" + port);
    }

}
