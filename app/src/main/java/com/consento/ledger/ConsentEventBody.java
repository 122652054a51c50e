package com.consento.ledger;

import com.consento.identity.RawIdentifier;
import java.util.List;
import java.util.Map;

/** One event of {@code POST /api/v1/consent-events} as sent; {@link EventValidator} checks every field. */
public record ConsentEventBody(SubjectRef subject, String purpose, String channel, String action,
                               String noticeVersion, String touchpoint, String capturedAt, ActorBody actor,
                               Map<String, Object> evidence) {

    public record SubjectRef(String id, List<RawIdentifier> identifiers) {
    }

    public record ActorBody(String type, List<RawIdentifier> identifiers, String relationship) {
    }
}
