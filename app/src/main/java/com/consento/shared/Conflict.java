package com.consento.shared;

/** The request contradicts stored state (an immutable record, a reused idempotency key): answered with 409. */
public class Conflict extends RuntimeException {
    private final String type;

    public Conflict(String type, String detail) {
        super(detail);
        this.type = type;
    }

    public String type() {
        return type;
    }
}
