package org.corridor.report;

import org.corridor.testing.OnMariaDb;

@OnMariaDb
class ReportsOnMariaDbTest extends ReportScenarios {

}
