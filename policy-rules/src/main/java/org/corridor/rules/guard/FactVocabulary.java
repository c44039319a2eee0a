package org.corridor.rules.guard;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.corridor.rules.FactModel;
import org.corridor.rules.Severity;

/**
 * What authored DRL may name: the fact types of {@link FactModel} by simple name, their
 * properties (from public no-argument getters {@code getX()} / {@code isX()}, declared by
 * the fact class, not by {@link Object}), {@link org.corridor.rules.Flag} and the
 * {@link Severity} constants.
 */
final class FactVocabulary {

    static final FactVocabulary INSTANCE = new FactVocabulary(FactModel.FACT_TYPES);

    /** One fact type: its properties, each with the getter that reads it. */
    record FactType(String name, Map<String, String> getterByProperty) {

        boolean hasProperty(String property) {
            return getterByProperty.containsKey(property);
        }

        Set<String> properties() {
            return getterByProperty.keySet();
        }

        boolean hasGetter(String method) {
            return getterByProperty.containsValue(method);
        }

        /**
         * The property a getter reads, or null when the method is no getter of this type.
         */
        String propertyOfGetter(String method) {
            return getterByProperty.entrySet()
                .stream()
                .filter(e -> e.getValue().equals(method))
                .map(Map.Entry::getKey)
                .findFirst()
                .orElse(null);
        }

        String listProperties() {
            return String.join(", ", properties());
        }

        String listGetters() {
            return getterByProperty.values().stream().map(g -> g + "()").collect(Collectors.joining(", "));
        }
    }

    private final Map<String, FactType> types;

    private final Set<String> severities;

    private FactVocabulary(List<Class<?>> factTypes) {
        Map<String, FactType> byName = new LinkedHashMap<>();
        for (Class<?> type : factTypes) {
            byName.put(type.getSimpleName(), new FactType(type.getSimpleName(), getters(type)));
        }
        this.types = Collections.unmodifiableMap(byName);
        this.severities = Arrays.stream(Severity.values()).map(Enum::name).collect(Collectors.toUnmodifiableSet());
    }

    FactType type(String simpleName) {
        return types.get(simpleName);
    }

    String listTypes() {
        return String.join(", ", types.keySet());
    }

    boolean isSeverity(String constant) {
        return severities.contains(constant);
    }

    /**
     * Whether some fact type has this property or this getter: the names DRL may use at
     * all.
     */
    boolean isKnownMember(String name) {
        return types.values().stream().anyMatch(t -> t.hasProperty(name) || t.hasGetter(name));
    }

    boolean isTypeName(String name) {
        return types.containsKey(name);
    }

    private static Map<String, String> getters(Class<?> type) {
        Map<String, String> getters = new TreeMap<>();
        FactModel.properties(type).forEach(p -> getters.put(p.name(), p.getter()));
        return Collections.unmodifiableMap(getters);
    }

}
