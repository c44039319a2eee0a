package org.corridor.rules;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.google.re2j.Pattern;

/**
 * What {@code matches} means in an authored rule set. Drools would run it on
 * java.util.regex, which backtracks: {@code name matches "(a+)+$"} takes seconds at 24
 * characters and doubles with each one more, holding the request's thread with no way to
 * interrupt it. The guard rewrites every {@code x matches "p"} into
 * {@code LinearMatch.matches(x, "p")}, run here on RE2/J in time linear in the text. Same
 * meaning as Drools: the whole value must match, and a null value matches nothing.
 */
public final class LinearMatch {

    /**
     * Patterns are literals of accepted rule sets (at most 64 KiB each), so the cache
     * stays small.
     */
    private static final Map<String, Pattern> COMPILED = new ConcurrentHashMap<>();

    private LinearMatch() {
    }

    public static boolean matches(Object value, String pattern) {
        return value != null && COMPILED.computeIfAbsent(pattern, Pattern::compile).matches(value.toString());
    }

}
