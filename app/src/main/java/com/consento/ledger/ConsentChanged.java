package com.consento.ledger;

/**
 * The state of one consent key changed, after commit. Carries what an index needs to answer without the
 * database: the winning action, when it was captured, under which notice and by whom.
 */
public record ConsentChanged(String subjectId, String purpose, String channel, Action action, long capturedAt,
                             long noticeSequence, boolean guardian, long eventId) {
}
