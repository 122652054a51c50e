package com.consento.ledger;

/** Where the person acted. */
public enum Touchpoint {
    WEB, APP, MINI_PROGRAM, STORE, CALL_CENTER, SMS, EMAIL, IMPORT, API, SYSTEM
}
