package com.consento.recommendations;

import java.util.stream.IntStream;

/** Leave-last-out scoring: HR@k and NDCG@k of each customer's held-out item. */
final class RankingEvaluator {

    static final int CUTOFF = 10;

    private RankingEvaluator() {
    }

    static RankingMetrics evaluate(LeaveLastOutSplit split, Scorer scorer) {
        return evaluate(split.training(), split.heldOut(), split.catalog().size(), scorer, CUTOFF);
    }

    static RankingMetrics evaluate(int[][] histories, int[] targets, int items, Scorer scorer, int cutoff) {
        int[] ranks = new int[targets.length];
        ThreadLocal<double[]> buffer = ThreadLocal.withInitial(() -> new double[items]);
        IntStream.range(0, targets.length).parallel().forEach(c -> {
            double[] scores = buffer.get();
            scorer.score(histories[c], scores);
            Ranking.exclude(scores, histories[c]);
            ranks[c] = Ranking.rankOf(scores, targets[c], cutoff);
        });
        // Summed in customer order, not in the order threads finish, so the figures are reproducible
        // to the last bit.
        int hits = 0;
        double ndcg = 0;
        for (int rank : ranks) {
            if (rank < cutoff) {
                hits++;
            }
            ndcg += RankingMetrics.ndcgAt(rank, cutoff);
        }
        int n = Math.max(1, targets.length);
        return new RankingMetrics((double) hits / n, ndcg / n, targets.length);
    }
}
