package org.corridor.rules;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The rule set every new district starts with. */
public final class DefaultRuleSet {

    private static final String RESOURCE = "/org/corridor/rules/default-rules.drl";

    private DefaultRuleSet() {
    }

    public static String drl() {
        try (InputStream in = DefaultRuleSet.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the policy-rules jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

}
