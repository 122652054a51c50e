package com.consento.preferencecentre;

import java.time.Instant;

/**
 * Where the preference centre files a person's export or deletion request. The rights capability's request
 * API is reached through {@link RightsRequests}.
 */
interface RightsRequestPort {

    /** The kinds the page offers, named as the rights API names them. */
    enum Kind {
        ACCESS, DELETION
    }

    /** What the page tells the person: a reference and, when known, the date the answer is due. */
    record Filed(String reference, Instant dueAt) {
    }

    Filed file(String subjectId, Kind kind, String touchpoint);
}
