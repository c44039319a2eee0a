package org.corridor.roster;

import org.corridor.testing.OnH2;

@OnH2
class RosterImportTimingOnH2 extends RosterImportTiming {

}
