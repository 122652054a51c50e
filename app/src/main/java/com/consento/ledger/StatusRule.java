package com.consento.ledger;

import com.consento.catalog.PurposeTerms;

/**
 * The status of a key from its winning event, at a moment: a grant lapses after the purpose's validity
 * period (EXPIRED) and is outdated by a later material notice that covers the purpose (PIPL-14b).
 * Shared by the state API and the decision index, so both always say the same.
 */
public final class StatusRule {
    private StatusRule() {
    }

    public static ConsentStatus status(Action action, long capturedAt, long noticeSequence, PurposeTerms terms,
                                       long at) {
        return switch (action) {
            case WITHDRAW -> ConsentStatus.WITHDRAWN;
            case DENY -> ConsentStatus.DENIED;
            case EXPIRE -> ConsentStatus.EXPIRED;
            case MERGE -> throw new IllegalArgumentException("a merge has no consent status");
            case GRANT -> {
                if (terms != null && terms.expired(capturedAt, at)) {
                    yield ConsentStatus.EXPIRED;
                }
                if (terms != null && terms.outdated(noticeSequence, at)) {
                    yield ConsentStatus.NOTICE_OUTDATED;
                }
                yield ConsentStatus.GRANTED;
            }
        };
    }
}
