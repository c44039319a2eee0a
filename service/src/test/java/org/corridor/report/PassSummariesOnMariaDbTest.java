package org.corridor.report;

import org.corridor.testing.OnMariaDb;

@OnMariaDb
class PassSummariesOnMariaDbTest extends PassSummaryScenarios {

}
