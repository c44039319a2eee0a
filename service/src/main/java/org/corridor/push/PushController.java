package org.corridor.push;

import java.util.List;

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

/**
 * Browser push: the key a browser subscribes with, and my devices with notifications on.
 */
@RestController
@RequestMapping("/api/push")
class PushController {

    private final PushDevices devices;

    PushController(PushDevices devices) {
        this.devices = devices;
    }

    /** The VAPID public key (base64url); 404 {@code push-off} when push is off. */
    @GetMapping("/key")
    PushDevices.PublicKey key(Caller caller) {
        return devices.key(caller);
    }

    @PostMapping("/subscriptions")
    @ResponseStatus(HttpStatus.CREATED)
    PushDevices.Device subscribe(Caller caller, @RequestBody PushDevices.NewSubscription body) {
        return devices.subscribe(caller, body);
    }

    @GetMapping("/subscriptions")
    List<PushDevices.Device> mine(Caller caller) {
        return devices.mine(caller);
    }

    @DeleteMapping("/subscriptions/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void remove(Caller caller, @PathVariable @Size(max = 36) String id) {
        devices.remove(caller, id);
    }

}
