package org.corridor.kiosk;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import org.corridor.security.Caller;

/**
 * What the kiosk page itself calls: pairing (before it has a credential, so without one)
 * and its heartbeat.
 */
@RestController
@RequestMapping("/api/kiosk")
class KioskDeviceController {

    private final Kiosks kiosks;

    KioskDeviceController(Kiosks kiosks) {
        this.kiosks = kiosks;
    }

    record Pairing(
            @NotBlank(message = "Type the pairing code your administrator was shown.") @Size(max = 20) String code) {
    }

    /**
     * Exchanges a one-time pairing code for the kiosk's credential (its token, to send as
     * {@code X-Kiosk-Token}). Open to anyone (SecurityConfiguration): the device has no
     * credential until this answers.
     */
    @PostMapping("/pair")
    Kiosks.Paired pair(@Valid @RequestBody Pairing body, HttpServletRequest request) {
        return kiosks.pair(body.code(), request.getRemoteAddr());
    }

    @PostMapping("/heartbeat")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void heartbeat(Caller caller) {
        kiosks.heartbeat(caller);
    }

}
