package com.consento.recommendations;

/**
 * What training chose, on a validation split carved from the training histories.
 *
 * @param lambda           EASE L2 penalty
 * @param halfLife         recency half-life in items (how many later first purchases halve an item's
 *                         weight); {@code Double.POSITIVE_INFINITY} when recency did not help
 * @param transitionWeight weight of the "bought next" probabilities added to the EASE weights
 * @param validationNdcg   NDCG@10 on the validation split with these choices ({@code NaN} if none was run)
 */
public record ModelParameters(double lambda, double halfLife, double transitionWeight, double validationNdcg) {
}
