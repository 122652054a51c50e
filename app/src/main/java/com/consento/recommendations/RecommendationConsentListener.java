package com.consento.recommendations;

import com.consento.decisions.DecisionListener;
import com.consento.identity.IdentityService;
import org.springframework.stereotype.Component;

/**
 * NDSR-42, PIPL-47a: when a person's personalisation, purchase-history or browsing consent changes, the
 * features derived under the old answer are deleted at once (they are derived again, under the new one, only
 * if it allows); a change in who may train the model makes the next tick retrain it.
 */
@Component
class RecommendationConsentListener implements DecisionListener {
    private final FeatureStore store;
    private final ModelRegistry registry;
    private final RecommendationConsents consents;
    private final IdentityService identity;

    RecommendationConsentListener(FeatureStore store, ModelRegistry registry, RecommendationConsents consents,
                                  IdentityService identity) {
        this.store = store;
        this.registry = registry;
        this.consents = consents;
        this.identity = identity;
    }

    @Override
    public void decisionChanged(String subjectId, String purpose, String channel) {
        if (purpose == null || !consents.concerns(purpose)) {
            return;
        }
        int index = identity.indexOf(subjectId);
        if (index >= 0) {
            store.purge(index);
            store.purge(identity.directory().survivor(index));
        }
        if (consents.trains(purpose)) {
            registry.markConsentChanged();
        }
    }
}
