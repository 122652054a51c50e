package com.consento.recommendations;

import com.consento.signals.SignalQueries;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Derives a person's features from their signals recorded since their last deletion; browsing only when the
 * caller says it counts. Two indexed lookups (last deletion, signals); runs only when held features are
 * missing or stale. Orders recorded under a subject later merged into this one are not read: finding those
 * subjects ({@code IdentityService.mergedInto}) scans the subject table, too slow for a request.
 */
@Component
class FeatureSource {
    /** Signals read per person: enough to find {@code maxHistory} distinct items in all but odd cases. */
    static final int SIGNALS_PER_ITEM = 4;
    private final SignalQueries signals;
    private final FeatureResets resets;
    private final FeatureStore store;
    private final RecommendationSettings settings;

    FeatureSource(SignalQueries signals, FeatureResets resets, FeatureStore store, RecommendationSettings settings) {
        this.signals = signals;
        this.resets = resets;
        this.store = store;
        this.settings = settings;
    }

    SubjectFeatures load(String subjectId, boolean browsing, long now) {
        long since = resets.find(subjectId).orElse(0L);
        int max = settings.maxHistory();
        return FeatureBuilder.build(signals.interactionsOf(List.of(subjectId), since, browsing, max * SIGNALS_PER_ITEM),
                store.dictionary(), store.categories(), max, browsing, now, since);
    }
}
