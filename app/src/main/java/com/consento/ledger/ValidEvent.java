package com.consento.ledger;

import com.consento.identity.Identifier;
import java.util.List;
import java.util.Map;

/**
 * An event that passed every rule and awaits its subject: either {@code subjectId} or the identifiers that
 * find or create the subject. {@code guardian} holds the guardian's identifiers and relationship, if any.
 */
record ValidEvent(String subjectId, List<Identifier> identifiers, String purpose, String channel, Action action,
                  String noticeVersion, long noticeSequence, Touchpoint touchpoint, long capturedAt, Guardian guardian,
                  Map<String, String> evidence) {

    record Guardian(List<Identifier> identifiers, String relationship) {
    }

    String actorType() {
        return guardian == null ? "SUBJECT" : "GUARDIAN";
    }
}
