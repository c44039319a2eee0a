package org.corridor.pass;

import org.corridor.testing.OnH2;

@OnH2
class PassLifecycleOnH2Test extends PassLifecycleEndToEnd {

}
