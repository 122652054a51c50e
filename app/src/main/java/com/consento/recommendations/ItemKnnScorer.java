package com.consento.recommendations;

/**
 * The reference neighbourhood model: cosine similarity of item columns of the binary matrix, summed over
 * the customer's items. Kept as a yardstick for the harness, not for serving.
 */
final class ItemKnnScorer implements Scorer {

    private final float[][] similarity;

    ItemKnnScorer(int[][] histories, int items) {
        double[][] g = CoOccurrence.gram(histories, items);
        double[] norm = new double[items];
        for (int i = 0; i < items; i++) {
            norm[i] = Math.sqrt(g[i][i]);
        }
        similarity = new float[items][items];
        for (int i = 0; i < items; i++) {
            for (int j = 0; j < items; j++) {
                double d = norm[i] * norm[j];
                similarity[i][j] = i == j || d == 0 ? 0f : (float) (g[i][j] / d);
            }
            g[i] = null;
        }
    }

    @Override
    public void score(int[] history, double[] scores) {
        java.util.Arrays.fill(scores, 0);
        for (int item : history) {
            float[] row = similarity[item];
            for (int j = 0; j < scores.length; j++) {
                scores[j] += row[j];
            }
        }
    }
}
