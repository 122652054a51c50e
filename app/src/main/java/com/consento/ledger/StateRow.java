package com.consento.ledger;

/** The winner of one key as stored in the state table. */
record StateRow(String subjectId, String purpose, String channel, long eventId, Action action, String noticeVersion,
                long noticeSeq, boolean guardian, long capturedAt, long recordedAt) {

    static StateRow of(RecordedEvent e, long noticeSeq) {
        return new StateRow(e.subjectId(), e.purpose(), e.channel(), e.id(), e.action(), e.noticeVersion(), noticeSeq,
                e.guardian(), e.capturedAt(), e.recordedAt());
    }

    /** Whether this event, as a candidate, would replace {@code current} under {@link ConsentOrder}. */
    boolean supersedes(StateRow current) {
        return current == null || ConsentOrder.compare(capturedAt, action, recordedAt, eventId,
                current.capturedAt, current.action, current.recordedAt, current.eventId) > 0;
    }

    ConsentChanged change() {
        return new ConsentChanged(subjectId, purpose, channel, action, capturedAt, noticeSeq, guardian, eventId);
    }
}
