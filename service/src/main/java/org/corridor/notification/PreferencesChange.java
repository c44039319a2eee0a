package org.corridor.notification;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.annotation.JsonAnySetter;

import org.corridor.problem.ApiProblem;
import org.corridor.problem.FieldError;
import org.corridor.problem.InvalidInput;

/**
 * The body of a preferences PUT: the kinds to change, each with email on or off; kinds
 * left out keep their choice. A kind arrives as text so that a wrong name is reported
 * with the other invalid fields; a field Corridor does not know is refused.
 */
record PreferencesChange(List<Item> preferences, @JsonAnySetter Map<String, Object> unknown) {

    static final int MAX_ITEMS = 20;

    PreferencesChange {
        unknown = unknown == null ? new LinkedHashMap<>() : unknown;
    }

    record Item(String kind, Boolean email, @JsonAnySetter Map<String, Object> unknown) {
        Item {
            unknown = unknown == null ? new LinkedHashMap<>() : unknown;
        }
    }

    /**
     * The choices to store, by kind.
     * @throws ApiProblem 400 naming every invalid field; nothing has been changed
     */
    Map<NotificationKind, Boolean> choices() {
        List<FieldError> errors = new ArrayList<>();
        unknown.keySet()
            .stream()
            .sorted()
            .forEach(name -> errors.add(new FieldError(name, "is not a field of notification preferences")));
        Map<NotificationKind, Boolean> choices = new EnumMap<>(NotificationKind.class);
        if (preferences == null) {
            errors.add(new FieldError("preferences", "is required: a list of {kind, email}"));
        }
        else if (preferences.size() > MAX_ITEMS) {
            errors.add(new FieldError("preferences",
                    "may hold at most " + MAX_ITEMS + " items; got " + preferences.size() + "."));
        }
        else {
            for (int i = 0; i < preferences.size(); i++) {
                item(errors, "preferences[" + i + "]", preferences.get(i), choices);
            }
        }
        if (!errors.isEmpty()) {
            throw InvalidInput.fields("Invalid notification preferences", "preferences", errors);
        }
        return choices;
    }

    private static void item(List<FieldError> errors, String at, Item item, Map<NotificationKind, Boolean> choices) {
        if (item == null) {
            errors.add(new FieldError(at, "must be an object {kind, email}"));
            return;
        }
        item.unknown()
            .keySet()
            .stream()
            .sorted()
            .forEach(name -> errors.add(new FieldError(at + "." + name, "is not a field of a preference")));
        NotificationKind kind = null;
        if (item.kind() == null) {
            errors.add(new FieldError(at + ".kind", "is required: one of " + emailedKinds()));
        }
        else {
            kind = Arrays.stream(NotificationKind.values())
                .filter(k -> k.isEmailed() && k.name().equals(item.kind()))
                .findFirst()
                .orElse(null);
            if (kind == null) {
                errors.add(new FieldError(at + ".kind",
                        "must be one of " + emailedKinds() + "; got '" + item.kind() + "'."));
            }
            else if (choices.containsKey(kind)) {
                errors.add(new FieldError(at + ".kind", "names " + kind + " a second time."));
                kind = null;
            }
        }
        if (item.email() == null) {
            errors.add(new FieldError(at + ".email", "is required: true or false"));
        }
        else if (kind != null) {
            choices.put(kind, item.email());
        }
    }

    static String emailedKinds() {
        return Arrays.stream(NotificationKind.values())
            .filter(NotificationKind::isEmailed)
            .map(Enum::name)
            .collect(Collectors.joining(", "));
    }

}
