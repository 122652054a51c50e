package com.consento.recommendations;

import com.consento.decisions.DecisionService;
import org.springframework.stereotype.Component;

/** The decisions recommendations rest on, asked from memory on every request with the configured purposes. */
@Component
class RecommendationConsents {
    private final DecisionService decisions;
    private final RecommendationSettings settings;

    RecommendationConsents(DecisionService decisions, RecommendationSettings settings) {
        this.decisions = decisions;
        this.settings = settings;
    }

    /** {@code subject} is a dense index, -1 for nobody known. */
    ConsentGate.Verdict verdict(int subject, boolean optedOut, long now) {
        return ConsentGate.evaluate(optedOut,
                decisions.decide(subject, settings.personalizationPurpose(), null, now),
                decisions.decide(subject, settings.purchasePurpose(), null, now));
    }

    boolean personalisationAllowed(int subject, long now) {
        return verdict(subject, false, now).personalised();
    }

    boolean browsingCounts(int subject, long now) {
        return ConsentGate.browsingCounts(decisions.decide(subject, settings.browsingPurpose(), null, now));
    }

    /** Whether a change of this purpose touches recommendations. */
    boolean concerns(String purpose) {
        return purpose.equals(settings.personalizationPurpose()) || trains(purpose);
    }

    /** Whether a change of this purpose changes whose histories train the model. */
    boolean trains(String purpose) {
        return purpose.equals(settings.purchasePurpose()) || purpose.equals(settings.browsingPurpose());
    }
}
