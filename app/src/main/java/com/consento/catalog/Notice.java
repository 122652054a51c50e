package com.consento.catalog;

import java.time.Instant;
import java.util.List;

/**
 * A privacy notice exactly as published (PIPL-17a fields). {@code sequence} orders versions by publication,
 * so "an earlier version" never depends on how a retailer spells its version strings.
 */
public record Notice(String version, long sequence, String locale, String title, String body, String url,
                     Handler handler, String officerContact, List<String> purposes, String methods,
                     List<String> dataCategories, String retention, String rights, boolean material,
                     Instant effectiveAt, Instant publishedAt, String contentSha256) {

    public record Handler(String name, String contact) {
    }

    public Notice {
        purposes = List.copyOf(purposes);
        dataCategories = List.copyOf(dataCategories);
    }

    /** The moment a material notice outdates earlier grants: its effective time, or publication if later. */
    public Instant takesEffectAt() {
        return effectiveAt == null || effectiveAt.isBefore(publishedAt) ? publishedAt : effectiveAt;
    }

    public boolean covers(String purpose) {
        return purposes.contains(purpose);
    }
}
