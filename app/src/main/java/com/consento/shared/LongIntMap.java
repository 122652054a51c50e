package com.consento.shared;

import java.util.Arrays;

/**
 * An open-addressing map from long to int for millions of entries at 12 bytes each plus slack: boxed maps
 * would cost over 80 bytes an entry. Reads are lock-free; writes are serialised by the caller's lock or
 * this object's monitor. Keys must not be 0 (used as the empty marker), so callers map 0 to another value.
 */
public final class LongIntMap {
    private volatile long[] keys;
    private volatile int[] values;
    private int size;

    public LongIntMap(int expected) {
        int cap = Integer.highestOneBit(Math.max(16, expected * 2 - 1)) << 1;
        keys = new long[cap];
        values = new int[cap];
    }

    /** The value for the key, or -1. */
    public int get(long key) {
        long k = key == 0 ? 1 : key;
        long[] ks = keys;
        int[] vs = values;
        int mask = ks.length - 1;
        for (int i = mix(k) & mask; ; i = (i + 1) & mask) {
            long found = ks[i];
            if (found == k) {
                return vs[i];
            }
            if (found == 0) {
                return -1;
            }
        }
    }

    public synchronized void put(long key, int value) {
        long k = key == 0 ? 1 : key;
        if ((size + 1) * 2L > keys.length) {
            grow();
        }
        if (insert(keys, values, k, value)) {
            size++;
        }
    }

    public synchronized void remove(long key) {
        // Tombstone-free removal would need rehashing the cluster; removals are rare (erasure), so the key
        // stays and points nowhere.
        long k = key == 0 ? 1 : key;
        int mask = keys.length - 1;
        for (int i = mix(k) & mask; keys[i] != 0; i = (i + 1) & mask) {
            if (keys[i] == k) {
                values[i] = -1;
                return;
            }
        }
    }

    public synchronized int size() {
        return size;
    }

    private static boolean insert(long[] ks, int[] vs, long k, int v) {
        int mask = ks.length - 1;
        for (int i = mix(k) & mask; ; i = (i + 1) & mask) {
            if (ks[i] == k) {
                vs[i] = v;
                return false;
            }
            if (ks[i] == 0) {
                vs[i] = v;
                ks[i] = k;
                return true;
            }
        }
    }

    private void grow() {
        long[] ks = new long[keys.length * 2];
        int[] vs = new int[ks.length];
        long[] old = keys;
        int[] oldValues = values;
        for (int i = 0; i < old.length; i++) {
            if (old[i] != 0) {
                insert(ks, vs, old[i], oldValues[i]);
            }
        }
        values = vs;
        keys = ks;
    }

    private static int mix(long k) {
        long h = k * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32));
    }

    @Override
    public String toString() {
        return "LongIntMap[size=" + size + ", capacity=" + keys.length + "]";
    }

    long[] keysForTest() {
        return Arrays.copyOf(keys, keys.length);
    }
}
