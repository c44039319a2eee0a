package org.corridor.report;

import org.corridor.testing.OnH2;

@OnH2
class ReportsOnH2Test extends ReportScenarios {

}
