package com.consento.compliance;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What a DPO notifies after a suspected breach (PIPL-57), for a window: the staff accesses to personal data in it,
 * and the affected subjects — read by staff in the window, or holding a grant for the selected purposes at its
 * end — by subject id only, with their data categories and whether they were minors. Never an identifier.
 */
record BreachReport(Instant from, Instant to, Instant generatedAt, Selection selection, Counts counts,
                    List<StaffAccess> staffAccesses, boolean staffAccessesTruncated, List<Subject> subjects,
                    boolean subjectsTruncated) {

    /**
     * The purposes whose holders were counted (those asked for, narrowed to the categories asked for), and
     * those among them on another legal basis than consent: everyone may hold data for these, so their holders
     * cannot be listed from consent records.
     */
    record Selection(List<String> purposes, List<String> categories, List<String> purposesWithoutConsent) {
    }

    /** {@code byCategory}: affected subjects per data category; {@code byPurpose}: holders per purpose. */
    record Counts(int subjects, int minors, int readByStaff, int heldForPurposes, int staffAccesses,
                  Map<String, Integer> byCategory, Map<String, Integer> byPurpose) {
    }

    /** One staff access from the audit log: who, when, which subject, why; the identifier's type, never its value. */
    record StaffAccess(Instant at, String staff, String action, boolean allowed, String subjectId,
                       String identifierType, String reason) {
    }

    /** An affected subject: {@code minor} when under 14 at the window's end. */
    record Subject(String subjectId, boolean minor, boolean erased, boolean readByStaff, List<String> purposes,
                   List<String> categories) {
    }

    BreachReport limitedTo(int max) {
        return subjects.size() <= max ? this : new BreachReport(from, to, generatedAt, selection, counts, staffAccesses,
                staffAccessesTruncated, subjects.subList(0, max), true);
    }
}
