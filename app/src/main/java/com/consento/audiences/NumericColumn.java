package com.consento.audiences;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeMap;
import org.roaringbitmap.FastAggregation;
import org.roaringbitmap.RoaringBitmap;
import org.roaringbitmap.RoaringBitmapWriter;

/**
 * One numeric attribute for every subject: the values in a plain int array (4 bytes a subject) and one bitmap
 * per bucket. Not thread-safe: {@link AttributeIndex} serialises writers against readers.
 */
final class NumericColumn {
    /** Check values one by one when the candidates are fewer than 1/SCAN_RATIO of the column. */
    static final int SCAN_RATIO = 64;
    /** The value slot of a subject without a value; real values are clamped above it. */
    private static final int ABSENT = Integer.MIN_VALUE;
    private final Bucketing bucketing;
    private final TreeMap<Integer, RoaringBitmap> buckets = new TreeMap<>();
    private final RoaringBitmap present = new RoaringBitmap();
    private int[] values = new int[0];

    NumericColumn(Bucketing bucketing) {
        this.bucketing = bucketing;
    }

    void set(int subject, int value) {
        value = Math.max(value, ABSENT + 1);
        if (subject < values.length && values[subject] != ABSENT) {
            int old = values[subject];
            if (old == value) {
                return;
            }
            RoaringBitmap bucket = buckets.get(bucketing.bucket(old));
            if (bucket != null) {
                bucket.remove(subject);
            }
        }
        if (subject >= values.length) {
            int old = values.length;
            values = Arrays.copyOf(values, Math.max(subject + 1, Math.max(1024, old + (old >> 1))));
            Arrays.fill(values, old, values.length, ABSENT);
        }
        values[subject] = Math.max(value, ABSENT + 1);
        present.add(subject);
        buckets.computeIfAbsent(bucketing.bucket(value), b -> new RoaringBitmap()).add(subject);
    }

    void clear(int subject) {
        if (subject < values.length && present.contains(subject)) {
            RoaringBitmap bucket = buckets.get(bucketing.bucket(values[subject]));
            if (bucket != null) {
                bucket.remove(subject);
            }
            present.remove(subject);
            values[subject] = ABSENT;
        }
    }

    /** Subjects whose value lies in [lo, hi], both included; a new bitmap the caller owns. */
    RoaringBitmap range(long lo, long hi) {
        return range(lo, hi, null);
    }

    /**
     * Of {@code within} (null = everyone), the subjects whose value lies in [lo, hi]. A few candidates are checked
     * value by value; many, through the bucket bitmaps.
     */
    RoaringBitmap range(long lo, long hi, RoaringBitmap within) {
        int from = (int) Math.max(ABSENT + 1L, lo);
        int to = (int) Math.min(Integer.MAX_VALUE, hi);
        if (from > to || buckets.isEmpty()) {
            return new RoaringBitmap();
        }
        if (within != null && within.getLongCardinality() * SCAN_RATIO < present.getLongCardinality()) {
            return scan(within, from, to);
        }
        return ranged(from, to, within);
    }

    private RoaringBitmap ranged(int from, int to, RoaringBitmap within) {
        if (from == ABSENT + 1 && to == Integer.MAX_VALUE) {
            return within == null ? present.clone() : RoaringBitmap.and(present, within);
        }
        int first = bucketing.bucket(from);
        int last = bucketing.bucket(to);
        List<RoaringBitmap> whole = new ArrayList<>();
        List<RoaringBitmap> edges = new ArrayList<>(2);
        for (var e : buckets.subMap(first, true, last, true).entrySet()) {
            int b = e.getKey();
            boolean inside = bucketing.low(b) >= from && bucketing.high(b) <= to;
            (inside ? whole : edges).add(e.getValue());
        }
        RoaringBitmap result = whole.isEmpty() ? new RoaringBitmap()
                : whole.size() == 1 && within != null ? RoaringBitmap.and(whole.get(0), within)
                : FastAggregation.or(whole.iterator());
        if (within != null && whole.size() != 1) {
            result.and(within);
        }
        for (RoaringBitmap edge : edges) {
            result.or(filter(within == null ? edge : RoaringBitmap.and(edge, within), from, to));
        }
        return result;
    }

    long bytesUsed() {
        long bitmaps = present.getSizeInBytes();
        for (RoaringBitmap b : buckets.values()) {
            bitmaps += b.getSizeInBytes();
        }
        return bitmaps + 4L * values.length;
    }

    private RoaringBitmap scan(RoaringBitmap within, int from, int to) {
        RoaringBitmapWriter<RoaringBitmap> out = RoaringBitmapWriter.writer().get();
        int[] v = values;
        within.forEach((int s) -> {
            if (s < v.length && v[s] >= from && v[s] <= to) {
                out.add(s);
            }
        });
        return out.get();
    }

    private RoaringBitmap filter(RoaringBitmap bucket, int from, int to) {
        RoaringBitmapWriter<RoaringBitmap> out = RoaringBitmapWriter.writer().get();
        int[] v = values;
        bucket.forEach((int s) -> {
            int x = v[s];
            if (x >= from && x <= to) {
                out.add(s);
            }
        });
        return out.get();
    }
}
