/**
 * Access: who the staff are and what they may see. Staff users sign in with a BCrypt-hashed password and hold
 * roles (ADMIN, DPO, MARKETER, AUDITOR, SUPPORT) that grant {@link com.consento.access.Permission}s. Every staff
 * read of personal data — a subject search or view, a revealed identifier, an export — is written at once to
 * the access audit log through {@link com.consento.access.AccessAudit#record}, with identifiers masked
 * (PIPL-51, MIN-34). Any capability may record its staff reads here; the log is append-only.
 */
package com.consento.access;
