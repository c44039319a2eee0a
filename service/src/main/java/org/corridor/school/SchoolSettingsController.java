package org.corridor.school;

import jakarta.validation.constraints.Size;

import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import org.corridor.security.Caller;

/**
 * A school's timer and counting settings, read and changed (see
 * {@link SchoolSettingsEditor}).
 */
@RestController
@Validated
@RequestMapping("/api/admin/schools/{id}/settings")
class SchoolSettingsController {

    private final SchoolSettingsEditor settings;

    SchoolSettingsController(SchoolSettingsEditor settings) {
        this.settings = settings;
    }

    @GetMapping
    SchoolSettings settings(Caller caller, @PathVariable @Size(max = 36) String id) {
        return settings.settings(caller, id);
    }

    /**
     * A partial update, checked as a whole: 400 naming each bad field, and then nothing
     * changes.
     */
    @PutMapping
    SchoolSettings change(Caller caller, @PathVariable @Size(max = 36) String id, @RequestBody SettingsChange body) {
        return settings.change(caller, id, body);
    }

}
