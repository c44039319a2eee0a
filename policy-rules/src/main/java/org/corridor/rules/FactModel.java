package org.corridor.rules;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * The types a district's rules may reason about, and the one type they may produce
 * ({@link Flag}). The guard admits nothing else into authored DRL, and the policy console
 * lists the same types and properties from {@link #factTypes()}, so what an author is
 * shown is what the guard accepts.
 */
public final class FactModel {

    public static final List<Class<?>> FACT_TYPES = List.of(PassRequest.class, StudentUsage.class,
            DestinationStatus.class, HallStatus.class, NoContactOut.class, PeriodTiming.class, Accommodation.class);

    public static final Class<?> OUTPUT_TYPE = Flag.class;

    /**
     * A property a rule may constrain or read: its name in a constraint, its getter in a
     * consequence.
     */
    public record Property(String name, String getter, String type) {
    }

    /**
     * A fact type by the simple name rules use, with its properties in alphabetical
     * order.
     */
    public record FactType(String name, List<Property> properties) {
    }

    private FactModel() {
    }

    public static List<FactType> factTypes() {
        return FACT_TYPES.stream().map(type -> new FactType(type.getSimpleName(), properties(type))).toList();
    }

    /** The severities a flag may carry, in increasing order of weight. */
    public static List<String> severities() {
        return Arrays.stream(Severity.values()).map(Enum::name).toList();
    }

    /**
     * The properties of a fact type: its public no-argument getters {@code getX()} (and
     * {@code isX()} for booleans), declared by the fact class and not by {@link Object}.
     */
    public static List<Property> properties(Class<?> type) {
        return Arrays.stream(type.getMethods())
            .filter(method -> method.getDeclaringClass() != Object.class && !Modifier.isStatic(method.getModifiers())
                    && method.getParameterCount() == 0 && method.getReturnType() != void.class)
            .map(FactModel::property)
            .filter(property -> property != null)
            .sorted(Comparator.comparing(Property::name))
            .toList();
    }

    private static Property property(Method method) {
        String name = method.getName();
        String suffix = null;
        if (name.length() > 3 && name.startsWith("get") && Character.isUpperCase(name.charAt(3))) {
            suffix = name.substring(3);
        }
        else if (name.length() > 2 && name.startsWith("is") && Character.isUpperCase(name.charAt(2))
                && (method.getReturnType() == boolean.class || method.getReturnType() == Boolean.class)) {
            suffix = name.substring(2);
        }
        return suffix == null ? null : new Property(decapitalize(suffix), name, method.getReturnType().getSimpleName());
    }

    /** As java.beans.Introspector: "Name" becomes "name", "URL" stays "URL". */
    private static String decapitalize(String name) {
        if (name.length() > 1 && Character.isUpperCase(name.charAt(1)) && Character.isUpperCase(name.charAt(0))) {
            return name;
        }
        return Character.toLowerCase(name.charAt(0)) + name.substring(1);
    }

}
