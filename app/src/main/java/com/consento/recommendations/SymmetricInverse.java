package com.consento.recommendations;

import java.util.stream.IntStream;

/**
 * In-place inverse of a symmetric positive definite matrix through its Cholesky factor: A = L Lᵀ, then
 * L⁻¹, then A⁻¹ = L⁻ᵀ L⁻¹. Each phase is about n³/6 multiply-adds.
 *
 * <p>Plain Java on purpose (no native BLAS in this architecture), so speed comes from memory layout: every
 * hot loop is an axpy over a contiguous slice of at most {@link #CHUNK} doubles, which the JIT vectorises,
 * and the loops are ordered so that the rows being accumulated stay in L1/L2 while a block of
 * {@link #BLOCK} source rows streams past. Work is split over column chunks or row groups that never
 * write to the same element, so the parallel streams need no locking.
 */
final class SymmetricInverse {

    /** Width of a panel: big enough to amortise one pass over memory, small enough to stay in L2. */
    private static final int BLOCK = 64;
    /** Length of an axpy slice: 4 KB, which keeps the accumulator in L1. */
    private static final int CHUNK = 512;

    private SymmetricInverse() {
    }

    /**
     * Replaces {@code a} (n rows of length n, only the lower triangle is read) by its inverse, written to
     * both triangles.
     *
     * @throws IllegalArgumentException if the matrix is not positive definite
     */
    static void invertInPlace(double[][] a) {
        int n = a.length;
        for (double[] row : a) {
            if (row.length != n) {
                throw new IllegalArgumentException("matrix must be square");
            }
        }
        cholesky(a);
        // The upper triangle still holds the input; zeroing it lets the kernels below run over
        // triangular rows with whole groups of four without testing which entries are real.
        for (int i = 0; i < n; i++) {
            java.util.Arrays.fill(a[i], i + 1, n, 0.0);
        }
        invertLowerTriangle(a);
        multiplyTransposeByItself(a);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < i; j++) {
                a[j][i] = a[i][j];
            }
        }
    }

    /** Right-looking blocked Cholesky; L overwrites the lower triangle. */
    static void cholesky(double[][] a) {
        int n = a.length;
        for (int k0 = 0; k0 < n; k0 += BLOCK) {
            int k1 = Math.min(k0 + BLOCK, n);
            factorDiagonalBlock(a, k0, k1);
            double[][] diagonalT = transposedBlock(a, k0, k1);
            int kFrom = k0;
            parallelRanges(k1, n, 16, (from, to) -> {
                for (int r = from; r < to; r++) {
                    solvePanelRow(a[r], diagonalT, kFrom, k1);
                }
            });
            updateTrailing(a, k0, k1);
        }
    }

    private static void factorDiagonalBlock(double[][] a, int k0, int k1) {
        for (int c = k0; c < k1; c++) {
            double[] rc = a[c];
            double d = rc[c];
            for (int t = k0; t < c; t++) {
                d -= rc[t] * rc[t];
            }
            if (!(d > 0)) {
                throw new IllegalArgumentException("matrix is not positive definite (pivot " + c + ")");
            }
            double l = Math.sqrt(d);
            rc[c] = l;
            for (int r = c + 1; r < k1; r++) {
                double[] rr = a[r];
                double s = rr[c];
                for (int t = k0; t < c; t++) {
                    s -= rr[t] * rc[t];
                }
                rr[c] = s / l;
            }
        }
    }

    /** Lᵀ of the diagonal block, so the panel solve below runs along contiguous rows. */
    private static double[][] transposedBlock(double[][] a, int k0, int k1) {
        int b = k1 - k0;
        double[][] t = new double[b][b];
        for (int r = 0; r < b; r++) {
            for (int c = 0; c <= r; c++) {
                t[c][r] = a[k0 + r][k0 + c];
            }
        }
        return t;
    }

    /** Row r of L21 = A21 L11⁻ᵀ, by column-oriented forward substitution (axpys, not dot products). */
    private static void solvePanelRow(double[] rr, double[][] diagonalT, int k0, int k1) {
        int b = k1 - k0;
        for (int t = 0; t < b; t++) {
            double[] lt = diagonalT[t];
            double v = rr[k0 + t] / lt[t];
            rr[k0 + t] = v;
            for (int c = t + 1; c < b; c++) {
                rr[k0 + c] -= v * lt[c];
            }
        }
    }

    /** A22 -= L21 L21ᵀ on the lower triangle, with the panel transposed so the inner loop is an axpy. */
    private static void updateTrailing(double[][] a, int k0, int k1) {
        int n = a.length;
        int m = n - k1;
        if (m <= 0) {
            return;
        }
        int b = k1 - k0;
        // Transposed, and indexed by the same column as the rows it is subtracted from.
        double[][] panelT = new double[b][n];
        for (int r = k1; r < n; r++) {
            double[] rr = a[r];
            for (int t = 0; t < b; t++) {
                panelT[t][r] = rr[k0 + t];
            }
        }
        parallelRanges(k1, n, 32, (from, to) -> {
            for (int j0 = k1; j0 < to; j0 += CHUNK) {
                for (int i = Math.max(from, j0); i < to; i++) {
                    double[] ri = a[i];
                    int jEnd = Math.min(j0 + CHUNK, i + 1);
                    int t = 0;
                    for (; t + 4 <= b; t += 4) {
                        addFour(ri, j0, jEnd, -ri[k0 + t], panelT[t], -ri[k0 + t + 1], panelT[t + 1],
                                -ri[k0 + t + 2], panelT[t + 2], -ri[k0 + t + 3], panelT[t + 3]);
                    }
                    for (; t < b; t++) {
                        addOne(ri, j0, jEnd, -ri[k0 + t], panelT[t]);
                    }
                }
            }
        });
    }

    /** acc[j] += s0·p0[j] + s1·p1[j] + s2·p2[j] + s3·p3[j]: four sources per pass over acc. */
    private static void addFour(double[] acc, int from, int to, double s0, double[] p0, double s1, double[] p1,
                                double s2, double[] p2, double s3, double[] p3) {
        for (int j = from; j < to; j++) {
            acc[j] += (s0 * p0[j] + s1 * p1[j]) + (s2 * p2[j] + s3 * p3[j]);
        }
    }

    private static void addOne(double[] acc, int from, int to, double s, double[] p) {
        for (int j = from; j < to; j++) {
            acc[j] += s * p[j];
        }
    }

    /** M = L⁻¹ in place, block row by block row; rows above the current block already hold M. */
    static void invertLowerTriangle(double[][] a) {
        int n = a.length;
        for (int i0 = 0; i0 < n; i0 += BLOCK) {
            int i1 = Math.min(i0 + BLOCK, n);
            int b = i1 - i0;
            int top = i0;
            // acc[i] = Σ_{t<i0} L[i][t]·M[t][..]: the part of row i that comes from the blocks above.
            double[][] acc = new double[b][i0];
            // M is lower triangular with a zero upper part, so a source row t only touches j ≤ t and
            // a group of four rows can run to the largest of them.
            parallelRanges(0, (i0 + CHUNK - 1) / CHUNK, 1, (c0, c1) -> {
                for (int c = c0; c < c1; c++) {
                    int j0 = c * CHUNK;
                    int j1 = Math.min(j0 + CHUNK, top);
                    int t = j0;
                    for (; t + 4 <= top; t += 4) {
                        int jEnd = Math.min(j1, t + 4);
                        for (int r = 0; r < b; r++) {
                            double[] lr = a[top + r];
                            addFour(acc[r], j0, jEnd, lr[t], a[t], lr[t + 1], a[t + 1],
                                    lr[t + 2], a[t + 2], lr[t + 3], a[t + 3]);
                        }
                    }
                    for (; t < top; t++) {
                        int jEnd = Math.min(j1, t + 1);
                        for (int r = 0; r < b; r++) {
                            addOne(acc[r], j0, jEnd, a[top + r][t], a[t]);
                        }
                    }
                }
            });
            // Forward substitution inside the block: row i of M is (-acc[i] - Σ L[i][t]·M[t]) / L[i][i].
            for (int r = 0; r < b; r++) {
                int i = i0 + r;
                double[] ri = a[i];
                double[] x = acc[r];
                for (int s = 0; s < r; s++) {
                    double l = ri[i0 + s];
                    double[] xs = acc[s];
                    for (int j = 0; j < i0; j++) {
                        x[j] += l * xs[j];
                    }
                }
                double d = ri[i];
                for (int j = 0; j < i0; j++) {
                    x[j] = -x[j] / d;
                }
            }
            // The diagonal block itself: a small unblocked triangular inverse.
            double[][] diag = new double[b][b];
            for (int r = 0; r < b; r++) {
                double[] ri = a[i0 + r];
                diag[r][r] = 1 / ri[i0 + r];
                for (int c = 0; c < r; c++) {
                    double s = 0;
                    for (int t = c; t < r; t++) {
                        s += ri[i0 + t] * diag[t][c];
                    }
                    diag[r][c] = -s / ri[i0 + r];
                }
            }
            for (int r = 0; r < b; r++) {
                double[] ri = a[i0 + r];
                System.arraycopy(acc[r], 0, ri, 0, i0);
                System.arraycopy(diag[r], 0, ri, i0, r + 1);
            }
        }
    }

    /** P = Mᵀ M (lower triangle) in place; row i of P needs rows t ≥ i of M, so blocks go top to bottom. */
    static void multiplyTransposeByItself(double[][] a) {
        int n = a.length;
        for (int i0 = 0; i0 < n; i0 += BLOCK) {
            int i1 = Math.min(i0 + BLOCK, n);
            int b = i1 - i0;
            int top = i0;
            double[][] acc = new double[b][];
            for (int r = 0; r < b; r++) {
                acc[r] = new double[i0 + r + 1];
            }
            // Row i of P adds M[t][i]·M[t] over t ≥ i; M[t][i] is 0 for t < i, so groups of four source
            // rows can start at the block and need no per-row bounds.
            parallelRanges(0, (i1 + CHUNK - 1) / CHUNK, 1, (c0, c1) -> {
                for (int c = c0; c < c1; c++) {
                    int j0 = c * CHUNK;
                    int t = top;
                    for (; t + 4 <= n; t += 4) {
                        double[] m0 = a[t];
                        double[] m1 = a[t + 1];
                        double[] m2 = a[t + 2];
                        double[] m3 = a[t + 3];
                        for (int r = 0; r < b && top + r <= t + 3; r++) {
                            int i = top + r;
                            addFour(acc[r], j0, Math.min(j0 + CHUNK, i + 1),
                                    m0[i], m0, m1[i], m1, m2[i], m2, m3[i], m3);
                        }
                    }
                    for (; t < n; t++) {
                        double[] mt = a[t];
                        for (int r = 0; r < b && top + r <= t; r++) {
                            int i = top + r;
                            addOne(acc[r], j0, Math.min(j0 + CHUNK, i + 1), mt[i], mt);
                        }
                    }
                }
            });
            for (int r = 0; r < b; r++) {
                System.arraycopy(acc[r], 0, a[i0 + r], 0, i0 + r + 1);
            }
        }
    }

    interface RangeBody {
        void run(int from, int to);
    }

    /** Splits [from, to) into pieces of {@code grain} and runs them on the common pool. */
    static void parallelRanges(int from, int to, int grain, RangeBody body) {
        if (to <= from) {
            return;
        }
        int pieces = (to - from + grain - 1) / grain;
        IntStream.range(0, pieces).parallel().forEach(p -> {
            int f = from + p * grain;
            body.run(f, Math.min(f + grain, to));
        });
    }
}
