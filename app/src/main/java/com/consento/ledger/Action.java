package com.consento.ledger;

/** What a person (or the system, for EXPIRE) did about one consent key. */
public enum Action {
    GRANT, WITHDRAW, DENY, EXPIRE,
    /** Not a consent: two subjects became one; recorded so the ledger explains the joined history. */
    MERGE;

    /** Withdrawals, refusals and expiries win over a grant captured at the same instant. */
    public boolean negative() {
        return this != GRANT;
    }

    /** Whether the action decides a consent key (a MERGE does not). */
    public boolean consent() {
        return this != MERGE;
    }
}
