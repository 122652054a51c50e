package com.consento.console;

/** The staff user's roles do not allow this read (shown as a 403 page; the attempt is already audited). */
class Forbidden extends RuntimeException {
    private final String messageKey;

    Forbidden(String messageKey) {
        super(messageKey);
        this.messageKey = messageKey;
    }

    String messageKey() {
        return messageKey;
    }
}
