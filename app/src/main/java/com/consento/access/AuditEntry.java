package com.consento.access;

import java.time.Instant;

/**
 * One line of the access audit log: who did what, when, to whom (subject id and the identifier, masked), why,
 * and whether it was allowed. Never holds a full phone number or e-mail address.
 */
public record AuditEntry(String id, Instant at, String staff, String action, boolean allowed, String maskedIdentifier,
                         String subjectId, String reason, String detail) {
}
