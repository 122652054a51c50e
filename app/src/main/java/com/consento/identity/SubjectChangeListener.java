package com.consento.identity;

import java.util.Map;

/**
 * Told, inside the transaction that makes the change, that a subject was corrected, merged or erased, so that
 * downstream systems hear of it exactly when it commits (an outbox). Payloads never carry raw identifiers.
 */
public interface SubjectChangeListener {
    String CORRECTED = "subject.corrected";
    String MERGED = "subject.merged";
    String ERASED = "subject.erased";

    void subjectChanged(String type, String subjectId, Map<String, Object> payload);
}
