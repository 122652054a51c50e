package com.consento.demo;

import com.consento.identity.RawIdentifier;
import com.consento.ledger.ConsentEventBody;
import java.util.List;
import java.util.Map;

/**
 * What the seeder writes: subjects (identifiers and profile) and their consent events in order of capture.
 * Events name their subject by its member identifier; the seeder swaps in the subject id it created.
 */
record DemoPlan(List<Subject> subjects, List<ConsentEventBody> events) {

    DemoPlan {
        subjects = List.copyOf(subjects);
        events = List.copyOf(events);
    }

    record Subject(int customerId, String member, List<RawIdentifier> identifiers, Map<String, Object> profile,
                   boolean minor) {
    }

    /** The member id an event names (the plan's events always name exactly one member identifier). */
    static String memberOf(ConsentEventBody event) {
        return event.subject().identifiers().get(0).value();
    }
}
