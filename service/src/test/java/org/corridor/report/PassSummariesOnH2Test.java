package org.corridor.report;

import org.corridor.testing.OnH2;

@OnH2
class PassSummariesOnH2Test extends PassSummaryScenarios {

}
