package org.corridor.kiosk;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import org.corridor.security.Caller;

/**
 * A student's kiosk PIN, set and cleared by administrators (see {@link KioskPins}); asked
 * at the kiosks of schools whose setting {@code kioskRequiresPin} is on.
 */
@RestController
@RequestMapping("/api/admin/students/{id}/kiosk-pin")
class KioskPinController {

    private final KioskPins pins;

    KioskPinController(KioskPins pins) {
        this.pins = pins;
    }

    record NewPin(@NotNull(message = "Give the PIN: 4 to 8 digits.") @Pattern(regexp = "[0-9]{4,8}",
            message = "A PIN is 4 to 8 digits.") String pin) {
    }

    @PutMapping
    KioskPins.PinSet set(Caller caller, @PathVariable String id, @Valid @RequestBody NewPin body) {
        return pins.set(caller, id, body.pin());
    }

    @DeleteMapping
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void clear(Caller caller, @PathVariable String id) {
        pins.clear(caller, id);
    }

}
