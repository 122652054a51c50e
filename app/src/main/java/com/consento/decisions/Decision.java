package com.consento.decisions;

/** An answer and its reason; {@code eventId} is the ledger event it rests on, 0 when none. */
public record Decision(boolean allowed, Reason reason, long eventId) {

    static final Decision UNKNOWN_PURPOSE = new Decision(false, Reason.UNKNOWN_PURPOSE, 0);
    static final Decision UNKNOWN_SUBJECT = new Decision(false, Reason.UNKNOWN_SUBJECT, 0);
    static final Decision SUBJECT_ERASED = new Decision(false, Reason.SUBJECT_ERASED, 0);
    static final Decision NOT_REQUIRED = new Decision(true, Reason.NOT_REQUIRED, 0);
    static final Decision NO_CONSENT = new Decision(false, Reason.NO_CONSENT, 0);
    static final Decision MINOR_WITHOUT_CONSENT = new Decision(false, Reason.MINOR_NEEDS_GUARDIAN, 0);

    /** The event id as the API shows it, or null. */
    public String eventRef() {
        return eventId == 0 ? null : Long.toString(eventId);
    }
}
