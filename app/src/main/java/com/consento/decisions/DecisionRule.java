package com.consento.decisions;

import com.consento.catalog.PurposeTerms;
import com.consento.identity.SubjectDirectory;
import com.consento.ledger.Action;
import com.consento.ledger.ConsentStatus;
import com.consento.ledger.StatusRule;

/**
 * The decision as a pure function of what memory holds. Order matters and is the law's: an unknown purpose
 * denies (NDSR-22d); an erased subject is never processed; a purpose on another legal basis needs no consent
 * (PIPL-13a, PIPL-16); a minor needs a guardian's consent (PIPL-31a); otherwise the key's status decides.
 */
public final class DecisionRule {
    private static final long DAY = 86_400_000L;

    private DecisionRule() {
    }

    /**
     * @param terms         the purpose, or null when unknown
     * @param subjectStatus {@link SubjectDirectory} status
     * @param adultFromDay  epoch day the subject turns 14, or {@link SubjectDirectory#NO_MINOR}
     * @param action        the key's winning action, or null when never asked
     */
    public static Decision decide(PurposeTerms terms, byte subjectStatus, int adultFromDay, Action action,
                                  boolean guardian, long capturedAt, long noticeSequence, long eventId, long at) {
        if (terms == null) {
            return Decision.UNKNOWN_PURPOSE;
        }
        if (subjectStatus == SubjectDirectory.ERASED) {
            return Decision.SUBJECT_ERASED;
        }
        if (!terms.consentGated()) {
            return Decision.NOT_REQUIRED;
        }
        if (subjectStatus == SubjectDirectory.UNKNOWN) {
            return Decision.UNKNOWN_SUBJECT;
        }
        boolean minor = adultFromDay != SubjectDirectory.NO_MINOR && Math.floorDiv(at, DAY) < adultFromDay;
        if (action == null) {
            return minor ? Decision.MINOR_WITHOUT_CONSENT : Decision.NO_CONSENT;
        }
        ConsentStatus status = StatusRule.status(action, capturedAt, noticeSequence, terms, at);
        return switch (status) {
            case WITHDRAWN -> new Decision(false, Reason.WITHDRAWN, eventId);
            case DENIED -> new Decision(false, Reason.DENIED, eventId);
            case EXPIRED -> new Decision(false, Reason.EXPIRED, eventId);
            case NOTICE_OUTDATED -> new Decision(false, Reason.NOTICE_OUTDATED, eventId);
            case GRANTED -> minor && !guardian ? new Decision(false, Reason.MINOR_NEEDS_GUARDIAN, eventId)
                    : new Decision(true, Reason.GRANTED, eventId);
        };
    }
}
