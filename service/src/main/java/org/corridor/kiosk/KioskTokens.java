package org.corridor.kiosk;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import org.corridor.security.Caller;
import org.corridor.security.KioskCredentials;

/**
 * Kiosk tokens: 32 random bytes, base64url without padding, shown once when the kiosk is
 * created. Only the SHA-256 (hex) is stored and looked up; a random 256-bit token needs
 * no salt or slow hash.
 */
@Component
class KioskTokens implements KioskCredentials {

    /**
     * How stale {@code last_used_at} may get: a kiosk polling every second writes once a
     * minute, not 60 times.
     */
    static final Duration USE_NOTED_EVERY = Duration.ofMinutes(1);

    static final String PAIRING_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";

    private final SecureRandom random = new SecureRandom();

    private final KioskRepository kiosks;

    private final Clock clock;

    KioskTokens(KioskRepository kiosks, Clock clock) {
        this.kiosks = kiosks;
        this.clock = clock;
    }

    String newToken() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /**
     * Eight characters of an alphabet without look-alikes (no 0/O, 1/I/L), shown as
     * {@code ABCD-EFGH}: about 40 bits, typed once on a touch screen, valid for minutes
     * and once.
     */
    String newPairingCode() {
        StringBuilder code = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            code.append(i == 4 ? "-" : "").append(PAIRING_ALPHABET.charAt(random.nextInt(PAIRING_ALPHABET.length())));
        }
        return code.toString();
    }

    /** The code as typed, without its dash or spaces, in capitals. */
    static String normalisePairingCode(String typed) {
        return typed.replaceAll("[\\s-]", "").toUpperCase(java.util.Locale.ROOT);
    }

    static String hash(String token) {
        try {
            return HexFormat.of()
                .formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }

    @Override
    @Transactional
    public Optional<Caller.Kiosk> authenticate(String token) {
        Optional<Kiosk> kiosk = kiosks.findByTokenHash(hash(token)).filter(k -> !k.isRevoked());
        kiosk.ifPresent(k -> {
            Instant now = clock.instant();
            Instant since = now.minus(USE_NOTED_EVERY);
            if (k.getLastUsedAt() == null || k.getLastUsedAt().isBefore(since)) {
                kiosks.noteUse(k.getId(), now, since);
            }
        });
        return kiosk.map(KioskTokens::asCaller);
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<Caller.Kiosk> current(String kioskId) {
        return kiosks.findById(kioskId).filter(k -> !k.isRevoked()).map(KioskTokens::asCaller);
    }

    private static Caller.Kiosk asCaller(Kiosk k) {
        return new Caller.Kiosk(k.getId(), k.getDistrictId(), k.getSchoolId(), k.getRoomId(), k.getName());
    }

}
