package com.consento.ledger;

/** The status of a consent key at a moment; "never asked" is the absence of a status. */
public enum ConsentStatus {
    GRANTED, WITHDRAWN, DENIED, EXPIRED, NOTICE_OUTDATED
}
