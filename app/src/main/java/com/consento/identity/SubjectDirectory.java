package com.consento.identity;

import com.consento.shared.LongIntMap;
import java.util.Arrays;

/**
 * Who exists, in memory: per subject index its status and the day it turns 14; per identifier lookup hash
 * the subject index. Updated after each commit and rebuilt at start-up; answers without SQL.
 */
public final class SubjectDirectory {
    public static final byte UNKNOWN = 0;
    public static final byte ACTIVE = 1;
    public static final byte ERASED = 2;
    public static final byte MERGED = 3;
    /** No birth date known, or an adult: never a minor. */
    public static final int NO_MINOR = Integer.MIN_VALUE;

    /** Subjects a chunk: 256 KiB, allocated when a subject in it appears. */
    private static final int CHUNK_BITS = 16;
    private static final int CHUNK = 1 << CHUNK_BITS;
    private static final int MASK = CHUNK - 1;
    private static final int STATUS_BITS = 2;
    private static final int STATUS_MASK = (1 << STATUS_BITS) - 1;

    private final LongIntMap identifiers = new LongIntMap(1 << 16);
    // Per subject one int, status in the low 2 bits and the day it turns 14 above (0: never a minor): a
    // decision reads both, so one cache line instead of two. In chunks rather than arrays that double: no copy of
    // millions of entries on growth and at most one chunk of slack. Spines are replaced, never written in place,
    // so a reader that sees a chunk sees it allocated; a fresh, zeroed chunk reads UNKNOWN and NO_MINOR.
    private volatile int[][] facts = new int[0][];
    /** Merged subject to survivor: merges are rare, so a sparse map rather than 4 bytes for every subject. */
    private final LongIntMap mergedInto = new LongIntMap(16);

    public byte status(int index) {
        return (byte) (fact(index) & STATUS_MASK);
    }

    /** The epoch day the subject turns 14, or {@link #NO_MINOR}. */
    public int adultFromDay(int index) {
        int day = fact(index) >>> STATUS_BITS;
        return day == 0 ? NO_MINOR : day;
    }

    private int fact(int index) {
        int[][] f = facts;
        int c = index >>> CHUNK_BITS;
        return c < f.length && f[c] != null ? f[c][index & MASK] : 0;
    }

    /**
     * A day up to 1970-01-01 reads as {@link #NO_MINOR}: nobody is a minor on a day after it, and consent
     * is never decided for a moment before 1970.
     */
    private static int encode(byte status, int adultFrom) {
        int day = adultFrom == NO_MINOR || adultFrom < 1 ? 0 : Math.min(adultFrom, Integer.MAX_VALUE >>> STATUS_BITS);
        return day << STATUS_BITS | (status & STATUS_MASK);
    }

    /** The surviving subject for a merged one (-1 when its survivor is not known); the index itself otherwise. */
    public int survivor(int index) {
        int current = index;
        for (int hops = 0; hops < 16 && status(current) == MERGED; hops++) {
            current = mergedInto.get(current);
        }
        return current;
    }

    public int byLookupHash(String lookupHash) {
        return identifiers.get(prefix(lookupHash));
    }

    synchronized void put(int index, byte newStatus, int adultFrom) {
        set(index, encode(newStatus, adultFrom));
    }

    synchronized void setAdultFrom(int index, int adultFrom) {
        set(index, encode(status(index), adultFrom));
    }

    synchronized void merge(int merged, int survivor) {
        mergedInto.put(merged, survivor);
        set(merged, encode(MERGED, adultFromDay(merged)));
    }

    void link(String lookupHash, int index) {
        identifiers.put(prefix(lookupHash), index);
    }

    void unlink(String lookupHash) {
        identifiers.remove(prefix(lookupHash));
    }

    private void set(int index, int fact) {
        if (index < 0) {
            throw new IllegalArgumentException("subject index " + index);
        }
        int c = index >>> CHUNK_BITS;
        int[][] f = facts;
        if (c >= f.length || f[c] == null) {
            f = Arrays.copyOf(f, Math.max(c + 1, f.length));
            f[c] = new int[CHUNK];
            facts = f;
        }
        f[c][index & MASK] = fact;
    }

    private static long prefix(String lookupHash) {
        return Long.parseUnsignedLong(lookupHash, 0, 16, 16);
    }
}
