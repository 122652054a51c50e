package com.consento.shared;

/**
 * An open-addressing map from long to int for millions of entries at 12 bytes each plus slack: boxed maps
 * would cost over 80 bytes an entry. The table doubles when it would pass a load of 3/4, so it holds 16 to
 * 32 bytes an entry (20 at 10 M) instead of 24 to 48 at a load of 1/2; linear probing over keys spread by
 * a multiplicative mix still ends a lookup within a cache line or two at that load. Reads are lock-free and
 * see one consistent table (keys and values are published together); writes are serialised by this object's
 * monitor.
 */
public final class LongIntMap {
    /** Slot marker for "empty"; the real key 0 lives outside the table. */
    private static final long EMPTY = 0;

    private record Table(long[] keys, int[] values) {
    }

    private volatile Table table;
    private volatile int zeroValue = -1;
    private int size;

    public LongIntMap(int expected) {
        int cap = 16;
        while (overLoad(expected, cap) && cap < 1 << 30) {
            cap <<= 1;
        }
        table = new Table(new long[cap], new int[cap]);
    }

    /** Whether {@code entries} would fill more than 3/4 of {@code capacity} slots. */
    private static boolean overLoad(long entries, int capacity) {
        return entries * 4 > capacity * 3L;
    }

    /** The value for the key, or -1. */
    public int get(long key) {
        if (key == EMPTY) {
            return zeroValue;
        }
        Table t = table;
        long[] ks = t.keys;
        int mask = ks.length - 1;
        for (int i = mix(key) & mask; ; i = (i + 1) & mask) {
            long found = ks[i];
            if (found == key) {
                return t.values[i];
            }
            if (found == EMPTY) {
                return -1;
            }
        }
    }

    public synchronized void put(long key, int value) {
        if (key == EMPTY) {
            if (zeroValue < 0) {
                size++;
            }
            zeroValue = value;
            return;
        }
        if (overLoad(size + 1L, table.keys.length)) {
            table = grown(table);
        }
        if (insert(table, key, value)) {
            size++;
        }
    }

    /** Removal leaves the key in place pointing nowhere: removals are rare (erasure) and rehashing is not. */
    public synchronized void remove(long key) {
        if (key == EMPTY) {
            zeroValue = -1;
            return;
        }
        Table t = table;
        int mask = t.keys.length - 1;
        for (int i = mix(key) & mask; t.keys[i] != EMPTY; i = (i + 1) & mask) {
            if (t.keys[i] == key) {
                t.values[i] = -1;
                return;
            }
        }
    }

    public synchronized int size() {
        return size;
    }

    /** Value first, then key: a reader that finds the key also finds its value. */
    private static boolean insert(Table t, long k, int v) {
        int mask = t.keys.length - 1;
        for (int i = mix(k) & mask; ; i = (i + 1) & mask) {
            if (t.keys[i] == k) {
                t.values[i] = v;
                return false;
            }
            if (t.keys[i] == EMPTY) {
                t.values[i] = v;
                t.keys[i] = k;
                return true;
            }
        }
    }

    private static Table grown(Table old) {
        Table t = new Table(new long[old.keys.length * 2], new int[old.keys.length * 2]);
        for (int i = 0; i < old.keys.length; i++) {
            if (old.keys[i] != EMPTY) {
                insert(t, old.keys[i], old.values[i]);
            }
        }
        return t;
    }

    private static int mix(long k) {
        long h = k * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32));
    }

    /** Slots in the table, for tests of the load factor. */
    int capacity() {
        return table.keys.length;
    }

    @Override
    public String toString() {
        return "LongIntMap[size=" + size + ", capacity=" + table.keys.length + "]";
    }
}
