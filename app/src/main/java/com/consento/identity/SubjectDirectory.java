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

    private final LongIntMap identifiers = new LongIntMap(1 << 16);
    private volatile byte[] status = new byte[1 << 12];
    private volatile int[] adultFromDay = new int[1 << 12];
    private volatile int[] mergedInto = new int[1 << 12];

    public byte status(int index) {
        byte[] s = status;
        return index >= 0 && index < s.length ? s[index] : UNKNOWN;
    }

    /** The epoch day the subject turns 14, or {@link #NO_MINOR}. */
    public int adultFromDay(int index) {
        int[] a = adultFromDay;
        return index >= 0 && index < a.length ? a[index] : NO_MINOR;
    }

    /** The surviving subject for a merged one; the index itself otherwise. */
    public int survivor(int index) {
        int current = index;
        for (int hops = 0; hops < 16 && status(current) == MERGED; hops++) {
            current = mergedInto[current];
        }
        return current;
    }

    public int byLookupHash(String lookupHash) {
        return identifiers.get(prefix(lookupHash));
    }

    synchronized void put(int index, byte newStatus, int adultFrom) {
        ensure(index);
        adultFromDay[index] = adultFrom;
        status[index] = newStatus;
    }

    synchronized void setAdultFrom(int index, int adultFrom) {
        ensure(index);
        adultFromDay[index] = adultFrom;
    }

    synchronized void merge(int merged, int survivor) {
        ensure(Math.max(merged, survivor));
        mergedInto[merged] = survivor;
        status[merged] = MERGED;
    }

    void link(String lookupHash, int index) {
        identifiers.put(prefix(lookupHash), index);
    }

    void unlink(String lookupHash) {
        identifiers.remove(prefix(lookupHash));
    }

    private void ensure(int index) {
        if (index < status.length) {
            return;
        }
        int cap = Math.max(index + 1, status.length * 2);
        int old = adultFromDay.length;
        int[] a = Arrays.copyOf(adultFromDay, cap);
        Arrays.fill(a, old, cap, NO_MINOR);
        adultFromDay = a;
        mergedInto = Arrays.copyOf(mergedInto, cap);
        status = Arrays.copyOf(status, cap);
    }

    private static long prefix(String lookupHash) {
        return Long.parseUnsignedLong(lookupHash, 0, 16, 16);
    }
}
