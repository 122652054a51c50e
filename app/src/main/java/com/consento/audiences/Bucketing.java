package com.consento.audiences;

/**
 * How a numeric column groups values into bitmaps: a monotone map from value to bucket, with each bucket's
 * value bounds, so a range query ORs the buckets wholly inside it and checks values only at its two edges.
 */
public interface Bucketing {

    int bucket(int value);

    int low(int bucket);

    int high(int bucket);

    /** Buckets of {@code width} consecutive values (days, months, small codes). */
    static Bucketing linear(int width) {
        return new Bucketing() {
            public int bucket(int value) {
                return Math.floorDiv(value, width);
            }

            public int low(int bucket) {
                return (int) Math.max(Integer.MIN_VALUE, (long) bucket * width);
            }

            public int high(int bucket) {
                return (int) Math.min(Integer.MAX_VALUE, (long) bucket * width + width - 1);
            }
        };
    }

    /** Exact buckets below 16, then 8 buckets per doubling (counts, money): about 250 buckets for any int. */
    static Bucketing logarithmic() {
        return new Bucketing() {
            public int bucket(int value) {
                return value < 0 ? -1 - positive(-1 - value) : positive(value);
            }

            public int low(int bucket) {
                return bucket < 0 ? -1 - positiveHigh(-1 - bucket) : positiveLow(bucket);
            }

            public int high(int bucket) {
                return bucket < 0 ? -1 - positiveLow(-1 - bucket) : positiveHigh(bucket);
            }

            private int positive(int v) {
                if (v < 16) {
                    return v;
                }
                int e = 31 - Integer.numberOfLeadingZeros(v);
                return 16 + (e - 4) * 8 + ((v >>> (e - 3)) & 7);
            }

            private int positiveLow(int b) {
                if (b < 16) {
                    return b;
                }
                int e = 4 + (b - 16) / 8;
                return (8 + (b - 16) % 8) << (e - 3);
            }

            private int positiveHigh(int b) {
                if (b < 16) {
                    return b;
                }
                int e = 4 + (b - 16) / 8;
                return (int) Math.min(Integer.MAX_VALUE, (long) positiveLow(b) + (1L << (e - 3)) - 1);
            }
        };
    }
}
