package com.consento.access;

/** What a staff member may do in the console; roles grant sets of these. */
public enum Permission {
    /** Aggregate charts: no personal data. */
    DASHBOARD,
    /** Purposes and notices. */
    CATALOG_READ,
    /** Define purposes, publish notices. */
    CATALOG_EDIT,
    /** Ledger verification, recent (masked) events, receipts. */
    LEDGER_READ,
    /** Search subjects and read their consents, history and requests, identifiers masked. */
    SUBJECT_READ,
    /** Show an identifier in full, with a reason (audited). */
    IDENTIFIER_REVEAL,
    /** Read the record of a person under 14 (MIN-34). */
    MINOR_READ,
    /** The access audit log. */
    AUDIT_READ,
    /** Compliance summary and evidence exports. */
    REPORTS,
    /** The list of staff users. */
    STAFF_READ,
    /** Create staff users. */
    STAFF_MANAGE;

    /** The Spring Security authority that carries this permission. */
    public String authority() {
        return "PERM_" + name();
    }
}
