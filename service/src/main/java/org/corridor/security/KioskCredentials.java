package org.corridor.security;

import java.util.Optional;

/**
 * What security needs to know about kiosks, implemented where kiosks are kept. Both
 * answers are empty for a revoked kiosk, so revoking one locks it out on its next
 * request.
 */
public interface KioskCredentials {

    /**
     * The kiosk that holds this token, when it is known and not revoked. Notes that the
     * kiosk was used.
     */
    Optional<Caller.Kiosk> authenticate(String token);

    /** The kiosk as it is now, when it exists and is not revoked. */
    Optional<Caller.Kiosk> current(String kioskId);

}
