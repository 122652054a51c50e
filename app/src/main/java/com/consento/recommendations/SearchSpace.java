package com.consento.recommendations;

import java.util.List;

/**
 * The choices the validation search may make.
 *
 * <p>The grids are wide and geometric on purpose, so that a data set unlike this one still finds its
 * optimum inside them: half-lives from "only the last item or two matter" to "order does not matter"
 * (infinity), transition weights from off to dominant. λ is not gridded: it starts at the mean item
 * degree (the diagonal of XᵀX, so it scales with the data) and climbs by {@code lambdaStep} while
 * validation NDCG still improves by more than {@code minRelativeGain} — on a plateau another matrix
 * inverse is not worth its seconds.
 */
record SearchSpace(
        List<Double> halfLives,
        List<Double> transitionWeights,
        double lambdaStep,
        double minRelativeGain,
        int maxFitsPerDirection) {

    static final SearchSpace DEFAULT = new SearchSpace(
            List.of(Double.POSITIVE_INFINITY, 16.0, 8.0, 4.0, 2.0, 1.0, 0.5),
            List.of(0.0, 1.0 / 32, 1.0 / 16, 1.0 / 8, 1.0 / 4, 1.0 / 2, 1.0, 2.0, 4.0),
            2.0,
            0.005,
            6);

    SearchSpace {
        halfLives = List.copyOf(halfLives);
        transitionWeights = List.copyOf(transitionWeights);
        if (halfLives.isEmpty() || transitionWeights.isEmpty() || !(lambdaStep > 1) || maxFitsPerDirection < 0) {
            throw new IllegalArgumentException("empty grid or bad lambda step");
        }
    }

    /** Plain EASE: no recency, no transitions, λ still searched. */
    static SearchSpace easeOnly() {
        return new SearchSpace(List.of(Double.POSITIVE_INFINITY), List.of(0.0), 2.0, 0.005, 6);
    }
}
