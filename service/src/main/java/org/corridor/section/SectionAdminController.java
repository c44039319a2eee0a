package org.corridor.section;

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
 * A class's periods, room and main teacher, read and set by administrators (see
 * {@link SectionEditor}).
 */
@RestController
@Validated
@RequestMapping("/api/admin/sections/{id}")
class SectionAdminController {

    private final SectionEditor editor;

    SectionAdminController(SectionEditor editor) {
        this.editor = editor;
    }

    @GetMapping
    SectionEditor.SectionView section(Caller caller, @PathVariable @Size(max = 36) String id) {
        return editor.section(caller, id);
    }

    /**
     * A partial update, validated whole: 400 naming each bad field, and nothing changes.
     */
    @PutMapping
    SectionEditor.SectionView change(Caller caller, @PathVariable @Size(max = 36) String id,
            @RequestBody SectionChange body) {
        return editor.change(caller, id, body);
    }

}
