package com.consento.recommendations;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The same leave-last-out cut as the evaluation, applied to training histories only: each customer with
 * at least two items gives up their last one for validation. Hyper-parameters are chosen here so the
 * items the model is finally scored on are never looked at.
 *
 * @param fit         histories to fit on: every customer, the validated ones without their last item
 * @param histories   per validated customer, the history they are scored from
 * @param targets     per validated customer, the item they bought next
 */
record ValidationSplit(int[][] fit, int[][] histories, int[] targets) {

    static ValidationSplit of(int[][] training) {
        int[][] fit = new int[training.length][];
        List<int[]> histories = new ArrayList<>();
        List<Integer> targets = new ArrayList<>();
        for (int c = 0; c < training.length; c++) {
            int[] h = training[c];
            if (h.length >= 2) {
                fit[c] = Arrays.copyOf(h, h.length - 1);
                histories.add(fit[c]);
                targets.add(h[h.length - 1]);
            } else {
                fit[c] = h;
            }
        }
        return new ValidationSplit(fit, histories.toArray(new int[0][]),
                targets.stream().mapToInt(Integer::intValue).toArray());
    }
}
