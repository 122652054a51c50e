package com.consento.recommendations;

import java.util.stream.IntStream;

/** XᵀX of the binary customer × item matrix: how many customers bought both items (diagonal: either). */
final class CoOccurrence {

    private CoOccurrence() {
    }

    /** Histories must not repeat an item within one customer; the matrix is dense, items × items. */
    static double[][] gram(int[][] histories, int items) {
        double[][] g = new double[items][items];
        // Each thread owns a band of rows, so no two threads ever add into the same cell.
        int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
        IntStream.range(0, threads).parallel().forEach(band -> {
            for (int[] history : histories) {
                for (int a : history) {
                    if (a % threads != band) {
                        continue;
                    }
                    double[] row = g[a];
                    for (int b : history) {
                        row[b]++;
                    }
                }
            }
        });
        return g;
    }
}
