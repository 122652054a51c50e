package com.consento.shared;

/** The addressed thing does not exist (or is no longer resolvable): answered with 404. */
public class NotFound extends RuntimeException {
    public NotFound(String detail) {
        super(detail);
    }
}
