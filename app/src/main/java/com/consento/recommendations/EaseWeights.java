package com.consento.recommendations;

/**
 * EASE (Steck, 2019): the item-to-item weights B that best reconstruct X from X·B with a zero diagonal
 * and an L2 penalty λ. Closed form: P = (XᵀX + λI)⁻¹, B[i][j] = -P[i][j] / P[j][j], B[j][j] = 0.
 * Unlike cosine kNN it learns negative and explaining-away weights, so two near-duplicate items in a
 * history do not double-count.
 */
final class EaseWeights {

    private EaseWeights() {
    }

    /**
     * @param gram XᵀX; consumed: its rows are turned into B in place, since at 3,665 items each copy of
     *             the matrix is 100 MB
     * @return B, row = history item, column = recommended item
     */
    static double[][] fit(double[][] gram, double lambda) {
        if (!(lambda > 0)) {
            throw new IllegalArgumentException("lambda must be positive: " + lambda);
        }
        int n = gram.length;
        for (int i = 0; i < n; i++) {
            gram[i][i] += lambda;
        }
        SymmetricInverse.invertInPlace(gram);
        double[] inverseDiagonal = new double[n];
        for (int j = 0; j < n; j++) {
            inverseDiagonal[j] = 1.0 / gram[j][j];
        }
        for (int i = 0; i < n; i++) {
            double[] row = gram[i];
            for (int j = 0; j < n; j++) {
                row[j] = -row[j] * inverseDiagonal[j];
            }
            row[i] = 0.0;
        }
        return gram;
    }
}
