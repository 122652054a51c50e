package com.consento.recommendations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Random;
import org.junit.jupiter.api.Test;

class SymmetricInverseTest {

    @Test
    void the_inverse_of_a_gram_matrix_times_the_matrix_is_the_identity() {
        // 601 spans several 64-row blocks, two 512-column chunks and a last panel that is not a multiple
        // of four, so every loop boundary and remainder is crossed; 3 is smaller than any block.
        for (int n : new int[] {601, 3}) {
            checkInverse(n);
        }
    }

    private static void checkInverse(int n) {
        Random random = new Random(7);
        double[][] x = new double[300][n];
        for (double[] row : x) {
            for (int k = 0; k < Math.min(20, n); k++) {
                row[random.nextInt(n)] = 1;
            }
        }
        double[][] a = new double[n][n];
        for (double[] row : x) {
            for (int i = 0; i < n; i++) {
                if (row[i] != 0) {
                    for (int j = 0; j < n; j++) {
                        a[i][j] += row[j];
                    }
                }
            }
        }
        for (int i = 0; i < n; i++) {
            a[i][i] += 5;
        }
        double[][] inverse = new double[n][];
        for (int i = 0; i < n; i++) {
            inverse[i] = a[i].clone();
        }
        SymmetricInverse.invertInPlace(inverse);
        for (int i = 0; i < n; i += 7) {
            for (int j = 0; j < n; j++) {
                double v = 0;
                for (int k = 0; k < n; k++) {
                    v += a[i][k] * inverse[k][j];
                }
                assertEquals(i == j ? 1.0 : 0.0, v, 1e-10, "(" + i + "," + j + ")");
                assertEquals(inverse[i][j], inverse[j][i], 0.0, "symmetric");
            }
        }
    }

    @Test
    void a_matrix_that_is_not_positive_definite_is_rejected() {
        double[][] a = {{1, 2}, {2, 1}};
        assertThrows(IllegalArgumentException.class, () -> SymmetricInverse.invertInPlace(a));
    }
}
