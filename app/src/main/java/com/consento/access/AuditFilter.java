package com.consento.access;

import java.time.Instant;

/** Which audit entries to read: every field is optional; newest first, at most {@code limit}. */
public record AuditFilter(String staff, String action, String subjectId, Instant from, Instant to, boolean deniedOnly,
                          int limit) {
    public static final int MAX = 10_000;

    public AuditFilter {
        staff = blankToNull(staff);
        action = blankToNull(action);
        subjectId = blankToNull(subjectId);
        limit = limit <= 0 ? 200 : Math.min(limit, MAX);
    }

    public static AuditFilter latest(int limit) {
        return new AuditFilter(null, null, null, null, null, false, limit);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
