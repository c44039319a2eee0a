package org.corridor.push;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.Security;

import nl.martijndwars.webpush.AbstractPushService;
import nl.martijndwars.webpush.Encoding;
import nl.martijndwars.webpush.HttpRequest;
import nl.martijndwars.webpush.Notification;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.jose4j.lang.JoseException;

/**
 * The library's request for one push, without its HTTP clients: the payload encrypted for
 * the browser (RFC 8291, aes128gcm) and the VAPID {@code Authorization} header (RFC 8292:
 * a JWT signed ES256 for the endpoint's origin, with the public key). Corridor sends it
 * with {@code java.net.http} ({@link PushSender}).
 */
final class WebPushRequests extends AbstractPushService<WebPushRequests> {

    static {
        // the library asks the JCA for "BC" by name
        if (Security.getProvider(BouncyCastleProvider.PROVIDER_NAME) == null) {
            Security.addProvider(new BouncyCastleProvider());
        }
    }

    WebPushRequests(KeyPair keys, String subject) {
        super(keys, subject);
    }

    HttpRequest prepare(Notification notification) {
        try {
            return prepareRequest(notification, Encoding.AES128GCM);
        }
        catch (GeneralSecurityException | IOException | JoseException e) {
            throw new IllegalStateException("The push could not be encrypted or signed", e);
        }
    }

    /** Makes sure the provider is there before keys are read or made. */
    static void load() {
        // the static initialiser did it
    }

}
