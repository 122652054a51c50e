package com.consento.recommendations;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.stereotype.Component;

/**
 * The model and the non-personalised lists in service, swapped whole when a new one is ready, so requests
 * never wait for training and never see half a model. Until the first model is ready requests are served
 * the popular lists.
 */
@Component
class ModelRegistry {
    private final AtomicReference<TrainedModel> model = new AtomicReference<>();
    private final AtomicReference<PopularItems> popular = new AtomicReference<>(PopularItems.EMPTY);
    private final AtomicBoolean consentChanged = new AtomicBoolean();

    Optional<TrainedModel> model() {
        return Optional.ofNullable(model.get());
    }

    PopularItems popular() {
        return popular.get();
    }

    /** {@code trained} null: no model (too little data), the popular lists serve. */
    void publishModel(TrainedModel trained) {
        model.set(trained);
    }

    void publishPopular(PopularItems items) {
        popular.set(items);
    }

    /** Whose histories may train the model changed (purchase or browsing consent): retrain at the next tick. */
    void markConsentChanged() {
        consentChanged.set(true);
    }

    boolean takeConsentChanged() {
        return consentChanged.getAndSet(false);
    }
}
