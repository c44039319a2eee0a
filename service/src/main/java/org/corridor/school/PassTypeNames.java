package org.corridor.school;

import java.util.List;

/**
 * The pass types a school may count towards its limits, by name. The pass feature
 * implements it ({@code pass.PassTypeNamesOfPasses}): a school's settings name pass
 * types, but the types are the passes' own, so schools ask through this port and never
 * depend on passes.
 */
@FunctionalInterface
public interface PassTypeNames {

    /** Every pass type's name, in the order settings list them. */
    List<String> inOrder();

}
