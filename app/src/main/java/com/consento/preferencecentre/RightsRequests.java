package com.consento.preferencecentre;

import com.consento.rights.RequestService;
import com.consento.rights.RightsRequest;
import org.springframework.stereotype.Component;

/** Files the person's export or deletion wish as a real rights request, due in 15 working days (PIPL-50). */
@Component
class RightsRequests implements RightsRequestPort {
    private final RequestService requests;

    RightsRequests(RequestService requests) {
        this.requests = requests;
    }

    @Override
    public Filed file(String subjectId, Kind kind, String touchpoint) {
        RightsRequest filed = requests.file(subjectId, kind.name(), "filed in the preference centre (" + touchpoint + ")");
        return new Filed(filed.id(), filed.dueAt());
    }
}
