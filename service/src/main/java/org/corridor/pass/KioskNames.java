package org.corridor.pass;

import java.util.Collection;
import java.util.Map;

/**
 * The names of the kiosks among a pass's actors (a student may act at a shared device).
 * The kiosk feature implements it ({@code kiosk.KioskNamesOfKiosks}): kiosks make passes,
 * so they depend on passes and never the reverse.
 */
@FunctionalInterface
public interface KioskNames {

    /** Kiosk id to name, for those of the ids that are kiosks. */
    Map<String, String> of(Collection<String> ids);

}
