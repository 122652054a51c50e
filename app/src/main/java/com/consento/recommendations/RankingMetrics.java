package com.consento.recommendations;

/** Mean hit rate and NDCG at a cut-off over the evaluated customers. */
record RankingMetrics(double hitRate, double ndcg, int customers) {

    /**
     * With a single relevant item the ideal DCG is 1, so NDCG is just the discount at the item's rank
     * (0-based): 1 / log2(rank + 2), and 0 outside the cut-off.
     */
    static double ndcgAt(int rank, int cutoff) {
        return rank < cutoff ? 1.0 / (Math.log(rank + 2) / Math.log(2)) : 0.0;
    }
}
