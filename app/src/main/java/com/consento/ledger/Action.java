package com.consento.ledger;

/** What a person (or the system, for EXPIRE) did about one consent key. */
public enum Action {
    GRANT, WITHDRAW, DENY, EXPIRE;

    /** Withdrawals, refusals and expiries win over a grant captured at the same instant. */
    public boolean negative() {
        return this != GRANT;
    }
}
