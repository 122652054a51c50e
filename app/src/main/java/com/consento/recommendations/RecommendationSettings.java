package com.consento.recommendations;

import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Configuration of the recommender. The purpose codes are the built-in ones of DESIGN.md ("Built-in
 * purposes"), configurable like everywhere else.
 *
 * @param retrainInterval how often to look for new orders (or consent changes) and retrain; 0 turns it off
 * @param maxItems        the model learns the most bought items only (its memory grows with items²)
 * @param maxHistory      at most this many recent distinct items of a person are used and held
 * @param featuresTtl     held features are rebuilt from the signals when older (new browsing, merges)
 */
@Component
record RecommendationSettings(
        @Value("${consento.purposes.personalization:personalization}") String personalizationPurpose,
        @Value("${consento.purposes.purchase-history:purchase_history}") String purchasePurpose,
        @Value("${consento.purposes.browsing-history:browsing_history}") String browsingPurpose,
        @Value("${consento.recommendations.retrain-interval:PT10M}") Duration retrainInterval,
        @Value("${consento.recommendations.train-at-startup:true}") boolean trainAtStartup,
        @Value("${consento.recommendations.max-items:4000}") int maxItems,
        @Value("${consento.recommendations.max-history:200}") int maxHistory,
        @Value("${consento.recommendations.features-ttl:PT5M}") Duration featuresTtl,
        @Value("${consento.recommendations.features-retention-days:30}") int featureRetentionDays,
        @Value("${consento.recommendations.trending-days:7}") int trendingDays,
        @Value("${consento.recommendations.new-days:30}") int newDays,
        @Value("${consento.recommendations.descriptions-file:}") String descriptionsFile) {

    static final int MAX_LIMIT = 100;
    static final int DEFAULT_LIMIT = 10;
    /** Length of each non-personalised list kept in memory. */
    static final int LIST_LENGTH = 200;

    static RecommendationSettings defaults() {
        return new RecommendationSettings("personalization", "purchase_history", "browsing_history",
                Duration.ofMinutes(10), true, 4000, 200, Duration.ofMinutes(5), 30, 7, 30, "");
    }
}
