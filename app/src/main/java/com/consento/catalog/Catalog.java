package com.consento.catalog;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An immutable snapshot of purposes and published notices. A new snapshot replaces the old one on every
 * change, so readers on the hot path never lock.
 */
public final class Catalog {
    private static final long DAY = 86_400_000L;
    private final Map<String, Purpose> purposes;
    private final Map<String, Notice> notices;
    private final Map<String, PurposeTerms> terms;

    public Catalog(Map<String, Purpose> purposes, List<Notice> notices) {
        this.purposes = Map.copyOf(purposes);
        Map<String, Notice> byVersion = new HashMap<>();
        notices.forEach(n -> byVersion.put(n.version(), n));
        this.notices = Map.copyOf(byVersion);
        List<Notice> ordered = new ArrayList<>(notices);
        ordered.sort(Comparator.comparingLong(Notice::sequence));
        Map<String, PurposeTerms> t = new HashMap<>();
        for (Purpose p : purposes.values()) {
            List<Notice> material = ordered.stream().filter(n -> n.material() && n.covers(p.code())).toList();
            long[] seq = material.stream().mapToLong(Notice::sequence).toArray();
            long[] eff = material.stream().mapToLong(n -> n.takesEffectAt().toEpochMilli()).toArray();
            t.put(p.code(), new PurposeTerms(p.code(), p.consentGated(), p.validityDays() * DAY, seq, eff));
        }
        this.terms = Map.copyOf(t);
    }

    public static Catalog empty() {
        return new Catalog(Map.of(), List.of());
    }

    public Optional<Purpose> purpose(String code) {
        return Optional.ofNullable(purposes.get(code));
    }

    public Map<String, Purpose> purposes() {
        return purposes;
    }

    /** Flattened terms for the decision path; null when the purpose is unknown. */
    public PurposeTerms terms(String code) {
        return terms.get(code);
    }

    public Optional<Notice> notice(String version) {
        return Optional.ofNullable(notices.get(version));
    }

    public List<Notice> notices() {
        return notices.values().stream().sorted(Comparator.comparingLong(Notice::sequence)).toList();
    }

    /** The latest published notice that covers a purpose, if any. */
    public Optional<Notice> currentNoticeFor(String purpose) {
        return notices.values().stream().filter(n -> n.covers(purpose)).max(Comparator.comparingLong(Notice::sequence));
    }
}
