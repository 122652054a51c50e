package com.consento.recommendations;

import java.util.Arrays;

/**
 * "Bought next": for each item, the share of customers' next new item that was each other item. EASE
 * sees only who bought what; this keeps the order, which is what a basket being filled or a
 * collection being completed looks like.
 *
 * <p>Sparse, since an item is followed by few distinct items.
 */
final class TransitionWeights {

    private final int[][] next;
    private final float[][] probability;

    private TransitionWeights(int[][] next, float[][] probability) {
        this.next = next;
        this.probability = probability;
    }

    static TransitionWeights of(int[][] histories, int items) {
        int pairs = 0;
        for (int[] h : histories) {
            pairs += Math.max(0, h.length - 1);
        }
        long[] keys = new long[pairs];
        int k = 0;
        for (int[] h : histories) {
            for (int p = 1; p < h.length; p++) {
                keys[k++] = (long) h[p - 1] * items + h[p];
            }
        }
        Arrays.sort(keys);
        int[] distinctPerRow = new int[items];
        int[] totalPerRow = new int[items];
        for (int i = 0; i < keys.length; i++) {
            int from = (int) (keys[i] / items);
            totalPerRow[from]++;
            if (i == 0 || keys[i] != keys[i - 1]) {
                distinctPerRow[from]++;
            }
        }
        int[][] next = new int[items][];
        float[][] probability = new float[items][];
        for (int a = 0; a < items; a++) {
            next[a] = new int[distinctPerRow[a]];
            probability[a] = new float[distinctPerRow[a]];
        }
        int[] fill = new int[items];
        for (int i = 0; i < keys.length; ) {
            int j = i;
            while (j < keys.length && keys[j] == keys[i]) {
                j++;
            }
            int from = (int) (keys[i] / items);
            int to = (int) (keys[i] % items);
            next[from][fill[from]] = to;
            probability[from][fill[from]++] = (float) ((double) (j - i) / totalPerRow[from]);
            i = j;
        }
        return new TransitionWeights(next, probability);
    }

    /** scores += weight · (row of {@code item}); used both when scoring and when folding into EASE. */
    void addRow(int item, double weight, double[] scores) {
        int[] to = next[item];
        float[] p = probability[item];
        for (int i = 0; i < to.length; i++) {
            scores[to[i]] += weight * p[i];
        }
    }

}
