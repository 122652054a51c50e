package com.consento.ledger;

/**
 * One ledger row. Times are epoch milliseconds. {@code actorEnc} and {@code evidenceEnc} are sealed with the
 * subject's data key, and the hash covers the sealed form, so erasing the key leaves every chain valid.
 */
public record RecordedEvent(long id, int part, long seq, String subjectId, String purpose, String channel,
                            Action action, String noticeVersion, Touchpoint touchpoint, long capturedAt,
                            long recordedAt, String actorType, String actorEnc, String evidenceEnc, String prevHash,
                            String hash) {

    public boolean guardian() {
        return "GUARDIAN".equals(actorType);
    }

    public String receiptId() {
        return ReceiptIds.of(id);
    }
}
