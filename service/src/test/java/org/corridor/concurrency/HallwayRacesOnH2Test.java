package org.corridor.concurrency;

import org.corridor.testing.OnH2;

/**
 * The same races on the embedded database a first run uses: its row locks must hold as
 * MariaDB's do.
 */
@OnH2
class HallwayRacesOnH2Test extends HallwayRaces {

}
