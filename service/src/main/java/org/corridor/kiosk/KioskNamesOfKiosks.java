package org.corridor.kiosk;

import java.util.Collection;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import org.corridor.pass.KioskNames;

/** Names the kiosks among a pass's actors, revoked or not: history keeps who acted. */
@Component
class KioskNamesOfKiosks implements KioskNames {

    private final KioskRepository kiosks;

    KioskNamesOfKiosks(KioskRepository kiosks) {
        this.kiosks = kiosks;
    }

    @Override
    public Map<String, String> of(Collection<String> ids) {
        return kiosks.findAllById(ids).stream().collect(Collectors.toMap(Kiosk::getId, Kiosk::getName));
    }

}
