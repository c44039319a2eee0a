package org.corridor.rules.guard;

/**
 * A {@code $name} declared in a rule's conditions: bound to a fact of a type
 * ({@code $d : DestinationStatus()}), or to a property's value
 * ({@code $used : passesToday}), in which case {@code factType} is null.
 */
record Binding(String name, FactVocabulary.FactType factType) {

    boolean isFact() {
        return factType != null;
    }
}
