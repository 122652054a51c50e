/**
 * Recommendations: "customers who bought your latest items went on to buy these", with the history item
 * behind each suggestion. {@link com.consento.recommendations.RecommendationTrainer} turns purchase
 * histories into an immutable {@link com.consento.recommendations.RecommendationModel} (EASE item weights
 * plus "bought next" probabilities, scored with recency; hyper-parameters chosen on a validation split of
 * the training data); {@link com.consento.recommendations.EvaluateRecommendationsCommand} measures it on
 * the Online Retail leave-last-out protocol. Plain Java: no Spring, JDBC or Jackson, no clock.
 */
package com.consento.recommendations;
