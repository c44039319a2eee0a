package org.corridor.benchmark.bellrush;

import java.util.HashMap;
import java.util.Map;

/** {@code --name value} and {@code --flag} arguments. */
final class Args {

    private final Map<String, String> values = new HashMap<>();

    Args(String[] args, int from) {
        for (int i = from; i < args.length; i++) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("expected --name, got " + args[i]);
            }
            String name = args[i].substring(2);
            if (i + 1 < args.length && !args[i + 1].startsWith("--")) {
                values.put(name, args[++i]);
            }
            else {
                values.put(name, "true");
            }
        }
    }

    String string(String name, String otherwise) {
        String value = values.getOrDefault(name, otherwise);
        if (value == null) {
            throw new IllegalArgumentException("--" + name + " is required");
        }
        return value;
    }

    int integer(String name, int otherwise) {
        return Integer.parseInt(string(name, String.valueOf(otherwise)));
    }

    double decimal(String name, double otherwise) {
        return Double.parseDouble(string(name, String.valueOf(otherwise)));
    }

    long longValue(String name, long otherwise) {
        return Long.parseLong(string(name, String.valueOf(otherwise)));
    }

    boolean has(String name) {
        return values.containsKey(name);
    }

}
