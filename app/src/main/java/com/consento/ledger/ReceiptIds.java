package com.consento.ledger;

/** Receipt ids name their event: {@code rcpt_<event id>}. */
final class ReceiptIds {
    private static final String PREFIX = "rcpt_";

    private ReceiptIds() {
    }

    static String of(long eventId) {
        return PREFIX + eventId;
    }

    /** The event id, or -1 for a malformed receipt id. */
    static long eventId(String receiptId) {
        if (receiptId == null || !receiptId.startsWith(PREFIX)) {
            return -1;
        }
        try {
            return Long.parseLong(receiptId.substring(PREFIX.length()));
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
