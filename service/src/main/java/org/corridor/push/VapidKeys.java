package org.corridor.push;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.Clock;
import java.util.Base64;
import java.util.Optional;

import nl.martijndwars.webpush.Utils;
import org.bouncycastle.jce.ECNamedCurveTable;
import org.bouncycastle.jce.interfaces.ECPrivateKey;
import org.bouncycastle.jce.interfaces.ECPublicKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.util.StringUtils;

/**
 * The VAPID key pair (RFC 8292) pushes are signed with, and the subject they name. From
 * the settings ({@code corridor.push.*}); without them push is off, except in the demo,
 * which generates a pair on its first start and keeps it in the database, so a restart
 * and every instance of a cluster sign with the same key (a browser's subscription is
 * bound to the key it was made with).
 */
@Component
class VapidKeys {

    private static final Logger log = LoggerFactory.getLogger(VapidKeys.class);

    static final String DEMO_SUBJECT = "mailto:push@corridor.test";

    private static final String DEMO_KEY = "demo";

    private final JdbcClient jdbc;

    /** The pool's connections do not commit by themselves. */
    private final TransactionOperations transactions;

    private final Clock clock;

    private final String subject;

    private final boolean demo;

    private volatile Keys keys;

    /** The pair and its subject; {@code publicKey} is the base64url the browser needs. */
    record Keys(KeyPair pair, String publicKey, String subject) {
    }

    VapidKeys(JdbcClient jdbc, TransactionOperations transactions, Clock clock, Environment environment,
            @Value("${corridor.push.vapid-public-key:}") String publicKey,
            @Value("${corridor.push.vapid-private-key:}") String privateKey,
            @Value("${corridor.push.subject:}") String subject) {
        WebPushRequests.load();
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.clock = clock;
        this.demo = environment.acceptsProfiles(Profiles.of("demo"));
        boolean hasPublic = StringUtils.hasText(publicKey);
        boolean hasPrivate = StringUtils.hasText(privateKey);
        if (hasPublic != hasPrivate) {
            throw new IllegalStateException("Browser push needs both CORRIDOR_PUSH_VAPID_PUBLIC_KEY and "
                    + "CORRIDOR_PUSH_VAPID_PRIVATE_KEY (docs/operators.md, \"Browser push\"); only one is set.");
        }
        this.subject = StringUtils.hasText(subject) ? subject.strip() : (demo ? DEMO_SUBJECT : null);
        if (hasPublic) {
            if (this.subject == null || !(this.subject.startsWith("mailto:") || this.subject.startsWith("https:"))) {
                throw new IllegalStateException("Browser push needs CORRIDOR_PUSH_SUBJECT, a mailto: or https: "
                        + "address the push services can reach the district's operators at.");
            }
            this.keys = new Keys(pair(publicKey.strip(), privateKey.strip()), publicKey.strip(), this.subject);
        }
    }

    /** Whether pushes are sent at all: keys configured, or the demo. No I/O. */
    boolean enabled() {
        return keys != null || demo;
    }

    /** The keys, or empty when push is off. The demo's are read or made on first use. */
    Optional<Keys> keys() {
        Keys known = keys;
        if (known != null || !demo) {
            return Optional.ofNullable(known);
        }
        synchronized (this) {
            if (keys == null) {
                keys = demoKeys();
            }
            return Optional.of(keys);
        }
    }

    /**
     * The stored pair, or a new one stored now. Two instances starting together may both
     * make one: the first insert wins and both use the row.
     */
    private Keys demoKeys() {
        Optional<Keys> stored = storedDemoKeys();
        if (stored.isPresent()) {
            return stored.get();
        }
        KeyPair made = generate();
        try {
            transactions.executeWithoutResult(tx -> jdbc
                .sql("insert into push_vapid_key (name, public_key, private_key, created_at) values (?, ?, ?, ?)")
                .params(DEMO_KEY, encode(made.getPublic()), encode(made.getPrivate()),
                        java.sql.Timestamp.from(clock.instant()))
                .update());
            log.info("Generated the demo's VAPID key pair for browser push");
        }
        catch (DuplicateKeyException e) {
            log.debug("Another instance stored the demo's VAPID key pair first");
        }
        return storedDemoKeys().orElseThrow();
    }

    private Optional<Keys> storedDemoKeys() {
        return jdbc.sql("select public_key, private_key from push_vapid_key where name = ?")
            .param(DEMO_KEY)
            .query((row, i) -> new Keys(pair(row.getString(1), row.getString(2)), row.getString(1), subject))
            .optional();
    }

    static KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("ECDH", "BC");
            generator.initialize(ECNamedCurveTable.getParameterSpec("prime256v1"));
            return generator.generateKeyPair();
        }
        catch (GeneralSecurityException e) {
            throw new IllegalStateException("No P-256 key pair could be made", e);
        }
    }

    /** Uncompressed point (public) or the private scalar, base64url without padding. */
    static String encode(PublicKey key) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(Utils.encode((ECPublicKey) key));
    }

    static String encode(PrivateKey key) {
        byte[] d = ((ECPrivateKey) key).getD().toByteArray();
        // a leading sign byte, or a short scalar, would make the key the wrong length for
        // other tools
        byte[] fixed = new byte[32];
        int from = Math.max(0, d.length - 32);
        System.arraycopy(d, from, fixed, 32 - (d.length - from), d.length - from);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(fixed);
    }

    private static KeyPair pair(String publicKey, String privateKey) {
        try {
            KeyPair pair = new KeyPair(Utils.loadPublicKey(publicKey), Utils.loadPrivateKey(privateKey));
            if (!Utils.verifyKeyPair(pair.getPrivate(), pair.getPublic())) {
                throw new IllegalStateException("The VAPID public and private keys are not one pair "
                        + "(CORRIDOR_PUSH_VAPID_PUBLIC_KEY, CORRIDOR_PUSH_VAPID_PRIVATE_KEY).");
            }
            return pair;
        }
        catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("The VAPID keys cannot be read: each must be base64url, the public key "
                    + "an uncompressed P-256 point (65 bytes), the private key its 32-byte scalar "
                    + "(docs/operators.md, \"Browser push\").", e);
        }
    }

}
