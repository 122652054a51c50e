package com.consento.recommendations;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * A trained recommender, immutable and safe to share between request threads: the service can build a
 * new one in the background and swap a reference.
 *
 * <p>A customer's score for item j is Σ_p w(p)·W[item_p][j] over their history, where W is the EASE
 * weight matrix plus the weighted "bought next" probabilities and w(p) the recency weight of position p.
 * Because the score is a plain sum over history items, the item that contributed most to a
 * recommendation is an exact explanation, not a guess.
 */
public final class RecommendationModel {

    private final ItemCatalog catalog;
    private final float[][] weights;
    private final int[] byPopularity;
    private final ModelParameters parameters;

    RecommendationModel(ItemCatalog catalog, float[][] weights, int[] byPopularity, ModelParameters parameters) {
        this.catalog = catalog;
        this.weights = weights;
        this.byPopularity = byPopularity;
        this.parameters = parameters;
    }

    /**
     * The top {@code n} items for a customer who bought {@code history}, most relevant first.
     *
     * @param history stock codes in order of first purchase (oldest first); repeats and items unknown to
     *                the model are allowed (an unknown item still counts as a more recent purchase)
     * @return up to {@code n} items the customer does not have; items the history says something about
     *         come first with the history item that contributed most, the rest are filled by overall
     *         popularity with an empty {@code because}
     */
    public List<Recommendation> recommend(List<String> history, int n) {
        if (n < 0) {
            throw new IllegalArgumentException("n must not be negative: " + n);
        }
        List<String> distinct = new ArrayList<>(new LinkedHashSet<>(history));
        int[] ids = new int[distinct.size()];
        for (int p = 0; p < ids.length; p++) {
            ids[p] = catalog.id(distinct.get(p));
        }
        double[] recency = RecencyWeights.of(ids.length, parameters.halfLife());
        double[] scores = new double[catalog.size()];
        accumulate(ids, recency, scores);
        boolean[] excluded = new boolean[catalog.size()];
        for (int id : ids) {
            if (id >= 0) {
                excluded[id] = true;
            }
        }
        List<Recommendation> result = new ArrayList<>(Math.min(n, catalog.size()));
        Integer[] positive = IntStream.range(0, scores.length)
                .filter(j -> !excluded[j] && scores[j] > 0)
                .boxed()
                .toArray(Integer[]::new);
        // Same order as the evaluation: score, then the smaller stock code.
        Arrays.sort(positive, Comparator.<Integer>comparingDouble(j -> -scores[j]).thenComparingInt(j -> j));
        for (int i = 0; i < positive.length && result.size() < n; i++) {
            int j = positive[i];
            excluded[j] = true;
            result.add(new Recommendation(catalog.code(j), scores[j],
                    Optional.of(distinct.get(strongestContributor(ids, recency, j)))));
        }
        for (int i = 0; i < byPopularity.length && result.size() < n; i++) {
            int j = byPopularity[i];
            if (!excluded[j]) {
                result.add(new Recommendation(catalog.code(j), scores[j], Optional.empty()));
            }
        }
        return List.copyOf(result);
    }

    /** Number of items the model can recommend. */
    public int itemCount() {
        return catalog.size();
    }

    /** The hyper-parameters training chose, for logs and the admin page. */
    public ModelParameters parameters() {
        return parameters;
    }

    /** Scores over catalog ids, for the evaluation harness (which excludes history items itself). */
    Scorer scorer() {
        return (history, scores) -> {
            Arrays.fill(scores, 0);
            accumulate(history, RecencyWeights.of(history.length, parameters.halfLife()), scores);
        };
    }

    private void accumulate(int[] ids, double[] recency, double[] scores) {
        for (int p = 0; p < ids.length; p++) {
            double w = recency[p];
            if (ids[p] < 0 || w == 0) {
                continue;
            }
            float[] row = weights[ids[p]];
            for (int j = 0; j < scores.length; j++) {
                scores[j] += w * row[j];
            }
        }
    }

    /** Position of the history item with the largest share of item j's score; the later one on a tie. */
    private int strongestContributor(int[] ids, double[] recency, int j) {
        int best = -1;
        double bestContribution = Double.NEGATIVE_INFINITY;
        for (int p = 0; p < ids.length; p++) {
            if (ids[p] < 0 || recency[p] == 0) {
                continue;
            }
            double contribution = recency[p] * weights[ids[p]][j];
            if (contribution >= bestContribution) {
                bestContribution = contribution;
                best = p;
            }
        }
        return best;
    }
}
