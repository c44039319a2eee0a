package org.corridor.audit;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Service;

import org.corridor.person.Role;
import org.corridor.problem.ApiProblem;
import org.corridor.problem.FieldError;
import org.corridor.problem.InvalidInput;
import org.corridor.security.Caller;

/**
 * The BPMN models a pass's path is drawn on, for the district's auditors and
 * administrators. The models are the same for every district (deployed without a tenant);
 * they hold no student data, so reading one is not recorded.
 */
@Service
public class PassModels {

    /**
     * The processes a pass runs: the lifecycle, and the appointment that precedes some.
     */
    static final Set<String> KEYS = Set.of("pass-lifecycle", "appointment-pass");

    private final ProcessModels engine;

    PassModels(ProcessModels engine) {
        this.engine = engine;
    }

    public ProcessModels.Model of(Caller caller, String key, Map<String, String> query) {
        if (!(caller.is(Role.AUDITOR) || caller.is(Role.ADMIN))) {
            throw ApiProblem.forbidden("Only auditors and administrators can read the process models.");
        }
        Integer version = version(query);
        if (!KEYS.contains(key)) {
            throw ApiProblem.notFound("Process model", key);
        }
        return engine.of(key, version)
            .orElseThrow(() -> ApiProblem.notFound("Process model", key + (version == null ? "" : " v" + version)));
    }

    private static Integer version(Map<String, String> query) {
        List<FieldError> errors = new java.util.ArrayList<>();
        query.keySet()
            .stream()
            .filter(k -> !k.equals("version"))
            .sorted()
            .forEach(k -> errors.add(new FieldError(k, "is not a parameter; the only one is version")));
        String value = query.get("version");
        Integer version = null;
        if (value != null && !value.isBlank()) {
            try {
                version = Integer.valueOf(value.strip());
                if (version < 1) {
                    version = null;
                    errors.add(new FieldError("version", "must be a whole number from 1"));
                }
            }
            catch (NumberFormatException e) {
                errors.add(new FieldError("version", "must be a whole number from 1"));
            }
        }
        if (!errors.isEmpty()) {
            throw InvalidInput.fields("Invalid model request", "model", errors);
        }
        return version;
    }

}
