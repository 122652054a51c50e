package com.consento.identity;

import java.util.Map;

/**
 * A capability that holds personal data about subjects (orders, browsing, preferences, derived tags): it
 * contributes its part to a person's export (PIPL-45a) and deletes it when the person is erased (ECL-24).
 */
public interface PersonalDataHolder {

    /** The section name in the export, e.g. "orders". */
    String section();

    /** Everything held about the subject, as JSON-ready values. */
    Object export(String subjectId);

    /** Deletes (or irreversibly anonymises) everything held about the subject; called inside a transaction. */
    void erase(String subjectId);

    /** Counts for the erasure report, e.g. {"orders": 3}. */
    default Map<String, Object> describe(String subjectId) {
        return Map.of();
    }
}
