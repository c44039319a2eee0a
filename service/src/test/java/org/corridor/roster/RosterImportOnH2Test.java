package org.corridor.roster;

import org.corridor.testing.OnH2;

@OnH2
class RosterImportOnH2Test extends RosterImportScenarios {

}
