package com.consento.decisions;

/** Why a decision came out as it did. */
public enum Reason {
    GRANTED, NOT_REQUIRED, NO_CONSENT, DENIED, WITHDRAWN, EXPIRED, NOTICE_OUTDATED, MINOR_NEEDS_GUARDIAN,
    SUBJECT_ERASED, UNKNOWN_PURPOSE, UNKNOWN_SUBJECT
}
