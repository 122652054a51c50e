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

    /** Subjects a chunk: 64 KiB of status and 256 KiB of birthdays, allocated when a subject in it appears. */
    private static final int CHUNK_BITS = 16;
    private static final int CHUNK = 1 << CHUNK_BITS;
    private static final int MASK = CHUNK - 1;

    private final LongIntMap identifiers = new LongIntMap(1 << 16);
    // Per subject in chunks rather than arrays that double: no copy of millions of entries on growth and at
    // most one chunk of slack instead of up to half the array. Spines are replaced, never written in place, so
    // a reader that sees a chunk sees it allocated.
    private volatile byte[][] status = new byte[0][];
    /** Stored XOR {@link #NO_MINOR}, so that a fresh, zeroed chunk reads NO_MINOR without being filled. */
    private volatile int[][] adultFromDay = new int[0][];
    /** Merged subject to survivor: merges are rare, so a sparse map rather than 4 bytes for every subject. */
    private final LongIntMap mergedInto = new LongIntMap(16);

    public byte status(int index) {
        byte[][] s = status;
        int c = index >>> CHUNK_BITS;
        return c < s.length && s[c] != null ? s[c][index & MASK] : UNKNOWN;
    }

    /** The epoch day the subject turns 14, or {@link #NO_MINOR}. */
    public int adultFromDay(int index) {
        int[][] a = adultFromDay;
        int c = index >>> CHUNK_BITS;
        return c < a.length && a[c] != null ? a[c][index & MASK] ^ NO_MINOR : NO_MINOR;
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
        ensure(index);
        adultFromDay[index >>> CHUNK_BITS][index & MASK] = adultFrom ^ NO_MINOR;
        status[index >>> CHUNK_BITS][index & MASK] = newStatus;
    }

    synchronized void setAdultFrom(int index, int adultFrom) {
        ensure(index);
        adultFromDay[index >>> CHUNK_BITS][index & MASK] = adultFrom ^ NO_MINOR;
    }

    synchronized void merge(int merged, int survivor) {
        ensure(merged);
        mergedInto.put(merged, survivor);
        status[merged >>> CHUNK_BITS][merged & MASK] = MERGED;
    }

    void link(String lookupHash, int index) {
        identifiers.put(prefix(lookupHash), index);
    }

    void unlink(String lookupHash) {
        identifiers.remove(prefix(lookupHash));
    }

    /** Allocates the chunk of {@code index}, birthdays published first: a reader that finds the status finds them. */
    private void ensure(int index) {
        if (index < 0) {
            throw new IllegalArgumentException("subject index " + index);
        }
        int c = index >>> CHUNK_BITS;
        byte[][] s = status;
        if (c < s.length && s[c] != null) {
            return;
        }
        int[][] a = Arrays.copyOf(adultFromDay, Math.max(c + 1, adultFromDay.length));
        a[c] = new int[CHUNK];
        adultFromDay = a;
        byte[][] next = Arrays.copyOf(s, Math.max(c + 1, s.length));
        next[c] = new byte[CHUNK];
        status = next;
    }

    private static long prefix(String lookupHash) {
        return Long.parseUnsignedLong(lookupHash, 0, 16, 16);
    }
}
