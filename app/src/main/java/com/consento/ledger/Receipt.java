package com.consento.ledger;

/** What the caller keeps for each recorded event. */
public record Receipt(String eventId, String subjectId, String receiptId, String hash) {
}
