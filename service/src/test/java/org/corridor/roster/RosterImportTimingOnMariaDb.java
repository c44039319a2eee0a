package org.corridor.roster;

import org.corridor.testing.OnMariaDb;

@OnMariaDb
class RosterImportTimingOnMariaDb extends RosterImportTiming {

}
