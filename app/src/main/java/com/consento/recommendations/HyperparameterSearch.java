package com.consento.recommendations;

import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Chooses λ, the recency half-life and the transition weight by NDCG@10 on a {@link ValidationSplit}.
 *
 * <p>Each λ costs a matrix inverse (seconds), each half-life and weight only a re-scoring, so every λ
 * tried is scored against the whole half-life × weight grid, and λ itself is hill-climbed.
 */
final class HyperparameterSearch {

    /** One λ with the best half-life and transition weight found for it. */
    record Candidate(double lambda, double halfLife, double transitionWeight, double ndcg) {
    }

    private HyperparameterSearch() {
    }

    static ModelParameters select(int[][] training, int items, SearchSpace space) {
        ValidationSplit split = ValidationSplit.of(training);
        double[][] gram = CoOccurrence.gram(split.fit(), items);
        double trace = 0;
        for (int i = 0; i < items; i++) {
            trace += gram[i][i];
        }
        double start = items == 0 || trace == 0 ? 1.0 : trace / items;
        if (split.targets().length == 0) {
            return new ModelParameters(start, Double.POSITIVE_INFINITY, 0.0, Double.NaN);
        }
        TransitionWeights transitions = TransitionWeights.of(split.fit(), items);
        Candidate best = climb(start, space, lambda -> scoreGrid(
                EaseWeights.fit(copy(gram), lambda), transitions, split, lambda, space));
        return new ModelParameters(best.lambda(), best.halfLife(), best.transitionWeight(), best.ndcg());
    }

    interface Evaluation {
        Candidate at(double lambda);
    }

    /**
     * Up by {@code lambdaStep} while each step gains more than {@code minRelativeGain}; if the first step
     * up does not, down instead. A step that gains less is not taken: on the plateau where EASE usually
     * sits, such gains are noise of a few thousand validation customers, and the smaller λ is the one
     * that was better supported.
     */
    static Candidate climb(double start, SearchSpace space, Evaluation evaluation) {
        Candidate first = evaluation.at(start);
        Candidate at = first;
        for (double factor : new double[] {space.lambdaStep(), 1 / space.lambdaStep()}) {
            for (int fit = 0; fit < space.maxFitsPerDirection(); fit++) {
                Candidate next = evaluation.at(at.lambda() * factor);
                if (!(next.ndcg() > at.ndcg() * (1 + space.minRelativeGain()))) {
                    break;
                }
                at = next;
            }
            if (at != first) {
                break;
            }
        }
        return at;
    }

    /** Validation NDCG@10 for every half-life × transition weight, with the EASE weights of one λ. */
    static Candidate scoreGrid(double[][] ease, TransitionWeights transitions, ValidationSplit split,
                               double lambda, SearchSpace space) {
        List<Double> lives = space.halfLives();
        List<Double> weights = space.transitionWeights();
        int items = ease.length;
        int k = lives.size();
        int m = weights.size();
        int[][] histories = split.histories();
        int[] targets = split.targets();
        double[][] gains = new double[targets.length][];
        ThreadLocal<double[][]> workspace = ThreadLocal.withInitial(() -> new double[2 * k + 1][items]);
        IntStream.range(0, targets.length).parallel().forEach(c -> {
            double[][] w = workspace.get();
            double[] blended = w[2 * k];
            int[] h = histories[c];
            for (int r = 0; r < 2 * k; r++) {
                Arrays.fill(w[r], 0);
            }
            double[][] recency = new double[k][];
            for (int life = 0; life < k; life++) {
                recency[life] = RecencyWeights.of(h.length, lives.get(life));
            }
            for (int p = 0; p < h.length; p++) {
                double[] row = ease[h[p]];
                for (int life = 0; life < k; life++) {
                    double coefficient = recency[life][p];
                    if (coefficient == 0) {
                        continue;
                    }
                    double[] e = w[life];
                    for (int j = 0; j < items; j++) {
                        e[j] += coefficient * row[j];
                    }
                    transitions.addRow(h[p], coefficient, w[k + life]);
                }
            }
            double[] g = new double[k * m];
            int t = targets[c];
            for (int life = 0; life < k; life++) {
                double[] e = w[life];
                double[] tr = w[k + life];
                Ranking.exclude(e, h);
                for (int b = 0; b < m; b++) {
                    double beta = weights.get(b);
                    if (beta != 0) {
                        for (int i = 0; i < items; i++) {
                            blended[i] = e[i] + beta * tr[i];
                        }
                    }
                    int rank = Ranking.rankOf(beta == 0 ? e : blended, t, RankingEvaluator.CUTOFF);
                    g[life * m + b] = RankingMetrics.ndcgAt(rank, RankingEvaluator.CUTOFF);
                }
            }
            gains[c] = g;
        });
        double[] total = new double[k * m];
        for (double[] g : gains) {
            for (int i = 0; i < g.length; i++) {
                total[i] += g[i];
            }
        }
        int bestIndex = 0;
        for (int i = 1; i < total.length; i++) {
            if (total[i] > total[bestIndex]) {
                bestIndex = i;
            }
        }
        return new Candidate(lambda, lives.get(bestIndex / m), weights.get(bestIndex % m),
                total[bestIndex] / targets.length);
    }

    private static double[][] copy(double[][] m) {
        double[][] c = new double[m.length][];
        for (int i = 0; i < m.length; i++) {
            c[i] = m[i].clone();
        }
        return c;
    }
}
