package com.consento.propagation;

import com.consento.identity.SubjectChangeListener;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Corrections, merges and erasures go to the outbox in the transaction that makes them, like consent changes. */
@Component
class SubjectChanges implements SubjectChangeListener {
    private final Outbox outbox;

    SubjectChanges(Outbox outbox) {
        this.outbox = outbox;
    }

    @Override
    public void subjectChanged(String type, String subjectId, Map<String, Object> payload) {
        outbox.publish(type, subjectId, payload);
    }
}
