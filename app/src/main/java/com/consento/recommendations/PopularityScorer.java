package com.consento.recommendations;

/** The baseline: an item's score is the number of customers who bought it, the same for everyone. */
final class PopularityScorer implements Scorer {

    private final double[] counts;

    PopularityScorer(int[][] histories, int items) {
        counts = new double[items];
        for (int[] history : histories) {
            for (int item : history) {
                counts[item]++;
            }
        }
    }

    @Override
    public void score(int[] history, double[] scores) {
        System.arraycopy(counts, 0, scores, 0, counts.length);
    }
}
