package com.consento.recommendations;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class ScoringPartsTest {

    @Test
    void an_item_one_half_life_back_counts_half_and_one_beyond_thirty_half_lives_nothing() {
        assertArrayEquals(new double[] {0.25, 0.5, 1.0}, RecencyWeights.of(3, 1.0), 1e-15);
        assertArrayEquals(new double[] {1.0, 1.0, 1.0}, RecencyWeights.of(3, Double.POSITIVE_INFINITY));
        double[] long_ = RecencyWeights.of(32, 1.0);
        assertEquals(0.0, long_[0], "31 half-lives back");
        assertEquals(Math.pow(0.5, 30), long_[1], "30 half-lives back");
    }

    @Test
    void bought_next_weights_are_the_share_of_what_followed_each_item() {
        // 0 was followed by 1 twice and by 2 once; 1 by 2 once; 2 by nothing.
        TransitionWeights t = TransitionWeights.of(new int[][] {{0, 1, 2}, {0, 1}, {0, 2}}, 3);
        double[] from0 = new double[3];
        t.addRow(0, 1.0, from0);
        assertArrayEquals(new double[] {0, 2.0 / 3, 1.0 / 3}, from0, 1e-7);
        double[] from2 = new double[3];
        t.addRow(2, 1.0, from2);
        assertArrayEquals(new double[3], from2);
    }

    @Test
    void ease_weights_have_a_zero_diagonal_and_link_items_bought_together() {
        // Items 0 and 1 always together, item 2 alone: B links 0 and 1 only.
        double[][] gram = CoOccurrence.gram(new int[][] {{0, 1}, {0, 1}, {2}}, 3);
        assertArrayEquals(new double[] {2, 2, 0}, gram[0]);
        double[][] b = EaseWeights.fit(gram, 1.0);
        assertEquals(0.0, b[0][0]);
        assertEquals(2.0 / 3, b[0][1], 1e-12, "G = [[3,2],[2,3]] on the pair: B01 = 2/3");
        assertEquals(0.0, b[0][2], 1e-15);
    }

    @Test
    void training_on_no_histories_gives_a_model_that_recommends_nothing() {
        RecommendationModel model = RecommendationTrainer.train(List.of());
        assertEquals(0, model.itemCount());
        assertEquals(List.of(), model.recommend(List.of("A"), 5));
    }
}
