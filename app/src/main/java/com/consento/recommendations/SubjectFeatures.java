package com.consento.recommendations;

import java.util.BitSet;
import java.util.List;

/**
 * What is derived about one person to personalise their recommendations (NDSR-42: they can see and delete
 * it): the recent-items vector (distinct items, oldest first, as dictionary ids, with whether each was bought
 * or only viewed and its category), the top categories, and the scores last served. Immutable; held only
 * while the person allows personalisation, and dropped when unused for longer than the features TTL.
 *
 * @param items            distinct items in order of first occurrence, oldest first
 * @param bought           bit i set when items[i] was bought (clear: only viewed)
 * @param itemCategories   category of items[i] as a category-dictionary id, or -1
 * @param topCategories    categories by number of signals, most first
 * @param includesBrowsing whether kept browsing events were used (browsing_history allowed at build time)
 * @param builtAt          when they were derived (epoch millis)
 * @param stale            true once new orders arrived: rebuilt on next use
 * @param since            only signals recorded at or after this (epoch millis) were used: the last deletion
 * @param lastItems        items of the last personalised answer (dictionary ids)
 * @param lastScores       their scores
 */
record SubjectFeatures(int[] items, BitSet bought, int[] itemCategories, List<CategoryCount> topCategories,
                       boolean includesBrowsing, long builtAt, boolean stale, long since, int[] lastItems, float[] lastScores) {

    record CategoryCount(String category, int count) {
    }

    boolean isEmpty() {
        return items.length == 0;
    }

    boolean freshAt(long now, long ttlMillis) {
        return !stale && now - builtAt < ttlMillis;
    }

    SubjectFeatures asStale() {
        return new SubjectFeatures(items, bought, itemCategories, topCategories, includesBrowsing, builtAt, true,
                since, lastItems, lastScores);
    }

    SubjectFeatures withLastScores(int[] lastItems, float[] lastScores) {
        return new SubjectFeatures(items, bought, itemCategories, topCategories, includesBrowsing, builtAt, stale,
                since, lastItems, lastScores);
    }

    /** Position of an item in {@link #items}, or -1. */
    int indexOf(int item) {
        for (int i = items.length - 1; i >= 0; i--) {
            if (items[i] == item) {
                return i;
            }
        }
        return -1;
    }
}
