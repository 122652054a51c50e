package com.consento.decisions;

/**
 * Told after a subject's consent for a purpose (and channel) changed, on this node or another, once the
 * decision index answers the new way — e.g. so that recommendations purge features at once.
 */
public interface DecisionListener {
    void decisionChanged(String subjectId, String purpose, String channel);
}
