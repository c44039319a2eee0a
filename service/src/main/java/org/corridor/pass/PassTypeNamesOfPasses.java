package org.corridor.pass;

import java.util.Arrays;
import java.util.List;

import org.springframework.stereotype.Component;

import org.corridor.school.PassTypeNames;

/**
 * The names of {@link PassType}, in its order, for the school settings that count them.
 */
@Component
class PassTypeNamesOfPasses implements PassTypeNames {

    private static final List<String> NAMES = Arrays.stream(PassType.values()).map(Enum::name).toList();

    @Override
    public List<String> inOrder() {
        return NAMES;
    }

}
