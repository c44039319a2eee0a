package org.corridor.concurrency;

import org.corridor.testing.OnMariaDb;

@OnMariaDb
class HallwayRacesOnMariaDbTest extends HallwayRaces {

}
