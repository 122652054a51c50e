package com.consento.preferencecentre;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.io.Serializable;
import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * One opened preference centre, kept server-side in the HTTP session (no login): whose settings, through
 * which touchpoint, the token that guards its forms, and a guardian's verification for a child's settings.
 * It lasts {@link #IDLE_SECONDS} of inactivity and at most {@link #MAX_AGE_MILLIS} after the link was opened.
 */
final class Visit implements Serializable {
    static final String ATTRIBUTE = "consento.preference-centre.visit";
    static final int IDLE_SECONDS = 15 * 60;
    static final long MAX_AGE_MILLIS = 2 * 60 * 60_000L;
    private static final long serialVersionUID = 1L;

    private final String subjectId;
    private final String touchpoint;
    private final String csrf;
    private final long openedAt;
    private String guardianPhone;
    private String guardianRelationship;
    private String pendingPhone;
    private String pendingRelationship;
    private String pendingCodeHash;
    private long pendingExpiresAt;
    private int pendingAttempts;
    private int codesSent;

    Visit(String subjectId, String touchpoint, String csrf, long openedAt) {
        this.subjectId = subjectId;
        this.touchpoint = touchpoint;
        this.csrf = csrf;
        this.openedAt = openedAt;
    }

    /** The visit of this request, if one is open and not past its maximum age. */
    static Optional<Visit> of(HttpServletRequest request, long now) {
        HttpSession session = request.getSession(false);
        if (session == null || !(session.getAttribute(ATTRIBUTE) instanceof Visit v)) {
            return Optional.empty();
        }
        if (now - v.openedAt > MAX_AGE_MILLIS) {
            session.removeAttribute(ATTRIBUTE);
            return Optional.empty();
        }
        return Optional.of(v);
    }

    /** Stores (again) the visit in the session, so that a replicated session sees every change. */
    void save(HttpServletRequest request) {
        request.getSession().setAttribute(ATTRIBUTE, this);
    }

    String subjectId() {
        return subjectId;
    }

    String touchpoint() {
        return touchpoint;
    }

    String csrf() {
        return csrf;
    }

    boolean csrfMatches(String token) {
        return token != null && MessageDigest.isEqual(csrf.getBytes(StandardCharsets.US_ASCII),
                token.getBytes(StandardCharsets.US_ASCII));
    }

    boolean guardianVerified() {
        return guardianPhone != null;
    }

    String guardianPhone() {
        return guardianPhone;
    }

    String guardianRelationship() {
        return guardianRelationship;
    }

    String pendingPhone() {
        return pendingPhone;
    }

    String pendingRelationship() {
        return pendingRelationship;
    }

    String pendingCodeHash() {
        return pendingCodeHash;
    }

    long pendingExpiresAt() {
        return pendingExpiresAt;
    }

    int pendingAttempts() {
        return pendingAttempts;
    }

    int codesSent() {
        return codesSent;
    }

    void codeSent(String phone, String relationship, String codeHash, long expiresAt) {
        pendingPhone = phone;
        pendingRelationship = relationship;
        pendingCodeHash = codeHash;
        pendingExpiresAt = expiresAt;
        pendingAttempts = 0;
        codesSent++;
    }

    void failedAttempt() {
        pendingAttempts++;
    }

    void verified() {
        guardianPhone = pendingPhone;
        guardianRelationship = pendingRelationship;
        clearPending();
    }

    void clearPending() {
        pendingPhone = null;
        pendingRelationship = null;
        pendingCodeHash = null;
        pendingExpiresAt = 0;
        pendingAttempts = 0;
    }
}
