package com.consento.recommendations;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;

class HyperparameterSearchTest {

    private final List<Double> tried = new ArrayList<>();

    private double climb(double start, DoubleUnaryOperator ndcg) {
        return HyperparameterSearch.climb(start, SearchSpace.DEFAULT, lambda -> {
            tried.add(lambda);
            return new HyperparameterSearch.Candidate(lambda, 1, 0, ndcg.applyAsDouble(lambda));
        }).lambda();
    }

    private static double peakAt(double best, double lambda) {
        double octaves = Math.log(lambda / best) / Math.log(2);
        return 0.2 - 0.01 * octaves * octaves;
    }

    @Test
    void lambda_doubles_while_validation_ndcg_keeps_improving() {
        assertEquals(400.0, climb(100, l -> peakAt(400, l)));
        assertEquals(List.of(100.0, 200.0, 400.0, 800.0), tried);
    }

    @Test
    void lambda_halves_when_the_first_step_up_does_not_pay() {
        assertEquals(25.0, climb(100, l -> peakAt(25, l)));
        assertEquals(List.of(100.0, 200.0, 50.0, 25.0, 12.5), tried);
    }

    @Test
    void a_step_that_gains_less_than_the_tolerance_is_not_taken() {
        // 0.1% better at 200: inside the noise, so the search stays at 100.
        assertEquals(100.0, climb(100, l -> l == 200 ? 0.2002 : l == 100 ? 0.2 : 0.1));
    }

    @Test
    void validation_holds_out_the_last_training_item_and_fits_on_everything_else() {
        ValidationSplit split = ValidationSplit.of(new int[][] {{3, 1, 2}, {5}, {4, 0}});
        assertArrayEquals(new int[][] {{3, 1}, {5}, {4}}, split.fit());
        assertArrayEquals(new int[][] {{3, 1}, {4}}, split.histories());
        assertArrayEquals(new int[] {2, 0}, split.targets());
    }
}
