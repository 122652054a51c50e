package com.consento.recommendations;

/** The rank of a held-out item, with the project's deterministic tie-break. */
final class Ranking {

    private Ranking() {
    }

    /**
     * 0-based rank of {@code target} among all items: items scored higher come first, and among equal
     * scores the lower id (smaller stock code) comes first. Items to leave out must already hold
     * negative infinity.
     */
    static int rankOf(double[] scores, int target) {
        return rankOf(scores, target, Integer.MAX_VALUE);
    }

    /**
     * As {@link #rankOf(double[], int)}, but stops counting at {@code cutoff}: HR@10 and NDCG@10 only need
     * to know whether the rank is below 10, and most targets are far below, so this is where the
     * hyper-parameter search saves most of its time.
     */
    static int rankOf(double[] scores, int target, int cutoff) {
        double t = scores[target];
        int rank = 0;
        for (int i = 0; i < target && rank < cutoff; i++) {
            if (scores[i] >= t) {
                rank++;
            }
        }
        for (int i = target + 1; i < scores.length && rank < cutoff; i++) {
            if (scores[i] > t) {
                rank++;
            }
        }
        return rank;
    }

    /** Marks a customer's training items so they can never rank above anything. */
    static void exclude(double[] scores, int[] history) {
        for (int item : history) {
            scores[item] = Double.NEGATIVE_INFINITY;
        }
    }
}
