package org.corridor.pass;

import org.corridor.testing.OnMariaDb;

@OnMariaDb
class PassLifecycleOnMariaDbTest extends PassLifecycleEndToEnd {

}
