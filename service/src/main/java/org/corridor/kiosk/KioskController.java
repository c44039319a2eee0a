package org.corridor.kiosk;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import org.corridor.security.Caller;
import org.corridor.problem.PlainText;

/**
 * Administrators issue kiosk tokens for rooms of their district (of their own school,
 * when they belong to one), list them and revoke them (see {@link Kiosks}).
 */
@RestController
@RequestMapping("/api/admin/kiosks")
class KioskController {

    private final Kiosks kiosks;

    KioskController(Kiosks kiosks) {
        this.kiosks = kiosks;
    }

    record NewKiosk(@NotBlank @Size(max = 36) String roomId, @NotBlank @Size(max = 100) @PlainText String name) {
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Kiosks.IssuedKiosk issue(Caller caller, @Valid @RequestBody NewKiosk body) {
        return kiosks.issue(caller, body.roomId(), body.name());
    }

    @GetMapping
    List<Kiosks.KioskView> list(Caller caller) {
        return kiosks.list(caller);
    }

    /** A new one-time pairing code for the kiosk; an earlier code stops working. */
    @PostMapping("/{id}/pairing-code")
    Kiosks.PairingCode pairingCode(Caller caller, @PathVariable String id) {
        return kiosks.newPairingCode(caller, id);
    }

    /**
     * Revokes the kiosk: its token stops working on the next request. Revoking twice
     * changes nothing.
     */
    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void revoke(Caller caller, @PathVariable String id) {
        kiosks.revoke(caller, id);
    }

}
