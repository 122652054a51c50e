package com.consento.recommendations;

import com.consento.identity.IdentityService;
import com.consento.identity.SubjectDirectory;
import com.consento.shared.RetainedData;
import java.util.function.IntPredicate;
import org.springframework.stereotype.Component;

/**
 * PIPL-47a, PIPL-19: derived features whose purpose is gone — the person no longer allows personalisation
 * or purchase history (an expiry or an outdated notice tells no listener), was erased or merged away — or
 * that were derived longer ago than their retention period. Run by the nightly purge and every training tick.
 */
@Component
class FeatureRetention implements RetainedData {
    private static final long DAY = 86_400_000L;
    private final FeatureStore store;
    private final RecommendationConsents consents;
    private final IdentityService identity;
    private final RecommendationSettings settings;

    FeatureRetention(FeatureStore store, RecommendationConsents consents, IdentityService identity,
                     RecommendationSettings settings) {
        this.store = store;
        this.consents = consents;
        this.identity = identity;
        this.settings = settings;
    }

    @Override
    public String category() {
        return "recommendation_features";
    }

    @Override
    public int retentionDays() {
        return settings.featureRetentionDays();
    }

    @Override
    public long countPastRetention(long now) {
        return store.count(pastRetention(now));
    }

    @Override
    public long purge(long now) {
        return store.purgeIf(pastRetention(now));
    }

    private IntPredicate pastRetention(long now) {
        long oldest = now - retentionDays() * DAY;
        return subject -> identity.directory().status(subject) != SubjectDirectory.ACTIVE
                || !consents.personalisationAllowed(subject, now)
                || store.get(subject).map(f -> f.builtAt() < oldest).orElse(false);
    }
}
