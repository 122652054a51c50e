/**
 * Recommendations: "customers who bought your latest items went on to buy these", with the history item
 * behind each suggestion. {@link com.consento.recommendations.RecommendationTrainer} turns purchase
 * histories into an immutable {@link com.consento.recommendations.RecommendationModel} (EASE item weights
 * plus "bought next" probabilities, scored with recency; hyper-parameters chosen on a validation split of
 * the training data); {@link com.consento.recommendations.EvaluateRecommendationsCommand} measures it on
 * the Online Retail leave-last-out protocol. Those are plain Java: no Spring, JDBC or Jackson, no clock.
 * {@link com.consento.recommendations.RecommendationService} serves it behind the consent gate (PIPL-24b:
 * personalised only while personalisation and purchase history allow, else popular / trending / new),
 * labels and explains what it personalises (GB-7.5), retrains in the background, and holds per-person
 * derived features that the person can see and delete and that a withdrawal purges at once (NDSR-42).
 */
package com.consento.recommendations;
