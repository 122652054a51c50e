package com.consento.recommendations;

/**
 * How much each item of a history counts, by how many items were first bought after it. A customer's
 * next purchase looks much more like their latest ones than like what they bought a year ago; the
 * half-life is learnt per data set, and infinity turns the weighting off.
 */
final class RecencyWeights {

    private RecencyWeights() {
    }

    /**
     * Beyond this many half-lives an item counts for exactly nothing (2^-30 ≈ 1e-9 is below float
     * precision of the weights anyway), which lets scoring skip most of a long history when the
     * half-life is short.
     */
    static final double HORIZON_HALF_LIVES = 30;

    /** Weight of position p in a history of {@code length} items: 2^(-(length - 1 - p) / halfLife). */
    static double[] of(int length, double halfLife) {
        double[] w = new double[length];
        for (int p = 0; p < length; p++) {
            double age = length - 1 - p;
            if (Double.isInfinite(halfLife)) {
                w[p] = 1.0;
            } else if (age / halfLife <= HORIZON_HALF_LIVES) {
                w[p] = Math.pow(0.5, age / halfLife);
            }
        }
        return w;
    }
}
