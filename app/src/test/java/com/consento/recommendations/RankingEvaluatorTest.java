package com.consento.recommendations;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class RankingEvaluatorTest {

    /** Scores item i as {@code values[i]} for everyone. */
    private static Scorer fixed(double... values) {
        return (history, scores) -> System.arraycopy(values, 0, scores, 0, values.length);
    }

    @Test
    void items_the_customer_has_in_training_are_left_out_of_the_ranking() {
        // Item 0 scores highest but is in the history, so the held-out item 2 moves from rank 2 to rank 1.
        RankingMetrics m = RankingEvaluator.evaluate(new int[][] {{0}}, new int[] {2}, 4,
                fixed(9, 8, 7, 1), 2);
        assertEquals(1.0, m.hitRate());
        assertEquals(1 / (Math.log(3) / Math.log(2)), m.ndcg(), 1e-12);
    }

    @Test
    void hit_rate_and_ndcg_average_the_discount_of_each_held_out_rank() {
        // Customer 1 held out item 0 at rank 0 (gain 1), customer 2 item 2 at rank 2 (gain 1/log2(4) = 0.5),
        // customer 3 item 3 at rank 3, outside a cut-off of 3 (gain 0).
        RankingMetrics m = RankingEvaluator.evaluate(new int[][] {{}, {}, {}}, new int[] {0, 2, 3}, 4,
                fixed(4, 3, 2, 1), 3);
        assertEquals(2.0 / 3, m.hitRate(), 1e-12);
        assertEquals((1 + 0.5 + 0) / 3, m.ndcg(), 1e-12);
        assertEquals(3, m.customers());
    }

    @Test
    void among_equal_scores_the_smaller_stock_code_ranks_first() {
        double[] scores = {1, 1, 1, 1};
        assertEquals(0, Ranking.rankOf(scores, 0));
        assertEquals(3, Ranking.rankOf(scores, 3));
        assertEquals(2, Ranking.rankOf(scores, 3, 2), "counting stops at the cut-off");
    }

    @Test
    void popularity_counts_the_training_customers_who_bought_each_item() {
        double[] scores = new double[3];
        new PopularityScorer(new int[][] {{0, 1}, {1}, {1, 2}}, 3).score(new int[0], scores);
        assertEquals(1.0, scores[0]);
        assertEquals(3.0, scores[1]);
        assertEquals(1.0, scores[2]);
    }
}
