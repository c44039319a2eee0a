package org.corridor.push;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

import nl.martijndwars.webpush.Utils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.corridor.person.Person;
import org.corridor.person.Role;
import org.corridor.problem.ApiProblem;
import org.corridor.problem.FieldError;
import org.corridor.problem.InvalidInput;
import org.corridor.security.Caller;

/**
 * A person's browsers with notifications on. Everything here is the signed-in person's
 * own: an administrator seeing a teacher's screens turns notifications on for themselves,
 * as their popups are their own. Teachers and administrators receive pushes; students and
 * auditors have nothing to be pushed (the key itself is for any signed-in person, as it
 * is no secret).
 */
@Service
class PushDevices {

    private static final Logger log = LoggerFactory.getLogger(PushDevices.class);

    /** Devices one person may have; a new one beyond this replaces their oldest. */
    static final int MOST_DEVICES = 10;

    static final int ENDPOINT_MAX = 1000;

    private final PushSubscriptionRepository subscriptions;

    private final VapidKeys keys;

    private final Clock clock;

    PushDevices(PushSubscriptionRepository subscriptions, VapidKeys keys, Clock clock) {
        this.subscriptions = subscriptions;
        this.keys = keys;
        this.clock = clock;
    }

    record PublicKey(String publicKey) {
    }

    /** A browser's subscription, as PushSubscription.toJSON() gives it, and a label. */
    record NewSubscription(String endpoint, Keys keys, String label) {
    }

    record Keys(String p256dh, String auth) {
    }

    /** One of my devices; {@code service} is the push service's host. */
    record Device(String id, String label, String service, Instant createdAt,
            @Schema(nullable = true) Instant lastSuccessAt) {
        static Device of(PushSubscription s) {
            return new Device(s.getId(), s.getLabel(), URI.create(s.getEndpoint()).getHost(), s.getCreatedAt(),
                    s.getLastSuccessAt());
        }
    }

    PublicKey key(Caller caller) {
        me(caller);
        return keys.keys()
            .map(k -> new PublicKey(k.publicKey()))
            .orElseThrow(() -> new ApiProblem(HttpStatus.NOT_FOUND, "push-off", "Browser push is off",
                    "This Corridor has no VAPID keys configured, so it sends no browser notifications. "
                            + "Popups still appear while a Corridor screen is open."));
    }

    /**
     * Stores the browser's subscription for me. The same browser subscribing again (the
     * same endpoint) replaces its row, also when someone else had it before on a shared
     * device: a browser has one subscription, for whoever turned it on last.
     */
    @Transactional
    Device subscribe(Caller caller, NewSubscription body) {
        Person me = receiver(caller);
        keys.keys()
            .orElseThrow(() -> new ApiProblem(HttpStatus.NOT_FOUND, "push-off", "Browser push is off",
                    "This Corridor has no VAPID keys configured, so devices cannot be turned on."));
        Valid valid = validate(body);
        String hash = sha256(valid.endpoint());
        subscriptions.findByEndpointHash(hash).ifPresent(old -> {
            subscriptions.delete(old);
            subscriptions.flush();
        });
        List<PushSubscription> mine = subscriptions.mine(me.getId(), me.getDistrictId());
        for (PushSubscription oldest : mine.subList(0, Math.max(0, mine.size() - MOST_DEVICES + 1))) {
            subscriptions.delete(oldest);
        }
        PushSubscription stored = subscriptions.save(new PushSubscription(me.getDistrictId(), me.getId(),
                valid.endpoint(), hash, valid.p256dh(), valid.auth(), valid.label(), clock.instant()));
        log.info("Push subscription {} of person {} stored", stored.getId(), me.getId());
        return Device.of(stored);
    }

    @Transactional(readOnly = true)
    List<Device> mine(Caller caller) {
        Person me = receiver(caller);
        return subscriptions.mine(me.getId(), me.getDistrictId()).stream().map(Device::of).toList();
    }

    /** Another person's device answers as a missing one. */
    @Transactional
    void remove(Caller caller, String id) {
        Person me = receiver(caller);
        if (subscriptions.removeMine(id, me.getId(), me.getDistrictId()) == 0) {
            throw ApiProblem.notFound("Device", id);
        }
    }

    /**
     * The person at the keyboard (the administrator, when seeing a teacher's screens).
     */
    private static Person me(Caller caller) {
        if (caller.isKiosk() || caller.person() == null) {
            throw ApiProblem.forbidden("A kiosk receives no notifications; sign in as a person.");
        }
        return caller.isImpersonated() ? caller.impersonator() : caller.person();
    }

    private static Person receiver(Caller caller) {
        Person me = me(caller);
        if (!(me.has(Role.TEACHER) || me.has(Role.ADMIN))) {
            throw ApiProblem.forbidden("Only teachers and administrators receive browser notifications.");
        }
        return me;
    }

    private record Valid(String endpoint, String p256dh, String auth, String label) {
    }

    /**
     * The endpoint must be an https address (the push service's), the keys base64url of
     * the lengths RFC 8291 gives: p256dh an uncompressed P-256 point (65 bytes), auth 16
     * bytes.
     */
    private static Valid validate(NewSubscription body) {
        List<FieldError> errors = new ArrayList<>();
        if (body == null) {
            throw InvalidInput.field("Invalid subscription", "endpoint", "is required.");
        }
        String endpoint = body.endpoint() == null ? null : body.endpoint().strip();
        if (endpoint == null || endpoint.isEmpty()) {
            errors.add(new FieldError("endpoint", "is required."));
        }
        else if (endpoint.length() > ENDPOINT_MAX) {
            errors.add(new FieldError("endpoint", "is longer than " + ENDPOINT_MAX + " characters."));
        }
        else if (!httpsAddress(endpoint)) {
            errors.add(new FieldError("endpoint", "must be an https address of a push service."));
        }
        String p256dh = body.keys() == null ? null : body.keys().p256dh();
        String auth = body.keys() == null ? null : body.keys().auth();
        byte[] point = base64url(p256dh);
        if (point == null || point.length != 65 || point[0] != 4 || !onTheCurve(point)) {
            errors.add(new FieldError("keys.p256dh",
                    "must be the browser's P-256 public key: 65 bytes (an uncompressed point), base64url."));
        }
        byte[] secret = base64url(auth);
        if (secret == null || secret.length != 16) {
            errors
                .add(new FieldError("keys.auth", "must be the browser's authentication secret: 16 bytes, base64url."));
        }
        String label = body.label() == null || body.label().isBlank() ? "A browser" : body.label().strip();
        if (label.length() > PushSubscription.LABEL_MAX) {
            errors.add(new FieldError("label", "is longer than " + PushSubscription.LABEL_MAX + " characters."));
        }
        else if (label.codePoints()
            .anyMatch(c -> Character.isISOControl(c) || Character.getType(c) == Character.FORMAT
                    || Character.getType(c) == Character.SURROGATE)) {
            errors.add(new FieldError("label", "contains a character that can hide text."));
        }
        if (!errors.isEmpty()) {
            throw InvalidInput.fields("Invalid subscription", "subscription", errors);
        }
        return new Valid(endpoint, p256dh.strip(), auth.strip(), label);
    }

    /** A point off P-256 would only fail later, at every push. */
    private static boolean onTheCurve(byte[] point) {
        try {
            Utils.loadPublicKey(point);
            return true;
        }
        catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    private static boolean httpsAddress(String endpoint) {
        try {
            URI uri = new URI(endpoint);
            return "https".equalsIgnoreCase(uri.getScheme()) && uri.getHost() != null && uri.getRawUserInfo() == null
                    && uri.getRawFragment() == null;
        }
        catch (URISyntaxException e) {
            return false;
        }
    }

    /** Base64url with or without padding; null when it is not. */
    private static byte[] base64url(String text) {
        if (text == null || text.isBlank() || text.length() > 100 || !text.strip().matches("[A-Za-z0-9_-]+={0,2}")) {
            return null;
        }
        try {
            return Base64.getUrlDecoder().decode(text.strip());
        }
        catch (IllegalArgumentException e) {
            return null;
        }
    }

    static String sha256(String text) {
        try {
            return HexFormat.of()
                .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

}
