package com.consento.recommendations;

import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntPredicate;
import org.springframework.stereotype.Component;

/**
 * The derived features held in memory, per surviving subject index. Nothing else holds them: purging here
 * (withdrawal, the person's own deletion, erasure, the retention purge) deletes them.
 */
@Component
class FeatureStore {
    private final ConcurrentHashMap<Integer, SubjectFeatures> bySubject = new ConcurrentHashMap<>();
    private final ItemDictionary dictionary = new ItemDictionary();
    private final ItemDictionary categories = new ItemDictionary();
    private final Object[] locks = new Object[64];

    FeatureStore() {
        for (int i = 0; i < locks.length; i++) {
            locks[i] = new Object();
        }
    }

    /** Held while deriving a subject's features or deleting them, so a deletion never races a rebuild. */
    Object lockFor(int subject) {
        return locks[Math.floorMod(subject, locks.length)];
    }

    ItemDictionary dictionary() {
        return dictionary;
    }

    /** Category names as ids (the same dictionary structure as items). */
    ItemDictionary categories() {
        return categories;
    }

    /** The category of the i-th item of some features, or null. */
    String categoryOf(SubjectFeatures features, int i) {
        int c = i < 0 ? -1 : features.itemCategories()[i];
        return c < 0 ? null : categories.sku(c);
    }

    Optional<SubjectFeatures> get(int subject) {
        return subject < 0 ? Optional.empty() : Optional.ofNullable(bySubject.get(subject));
    }

    void put(int subject, SubjectFeatures features) {
        bySubject.put(subject, features);
    }

    /** Keeps the scores last served with the features they were computed from (lost if those changed since). */
    void recordScores(int subject, SubjectFeatures from, int[] items, float[] scores) {
        bySubject.replace(subject, from, from.withLastScores(items, scores));
    }

    /** Deletes a subject's features; true when there were some. */
    boolean purge(int subject) {
        return subject >= 0 && bySubject.remove(subject) != null;
    }

    /** Marks a subject's features for rebuilding on next use (their signals changed). */
    void invalidate(int subject) {
        bySubject.computeIfPresent(subject, (s, f) -> f.asStale());
    }

    long count(IntPredicate subjects) {
        return bySubject.keySet().stream().filter(subjects::test).count();
    }

    /** Deletes the features of every subject the predicate names; returns how many. */
    long purgeIf(IntPredicate subjects) {
        long removed = 0;
        for (Integer subject : bySubject.keySet()) {
            if (subjects.test(subject) && bySubject.remove(subject) != null) {
                removed++;
            }
        }
        return removed;
    }

    /** Data minimisation: features not derived again within {@code ttlMillis} serve nobody; deletes them. */
    long purgeIdle(long now, long ttlMillis) {
        long removed = 0;
        for (var e : bySubject.entrySet()) {
            if (!e.getValue().freshAt(now, ttlMillis) && bySubject.remove(e.getKey(), e.getValue())) {
                removed++;
            }
        }
        return removed;
    }

    int size() {
        return bySubject.size();
    }
}
