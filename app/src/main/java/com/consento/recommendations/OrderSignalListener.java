package com.consento.recommendations;

import com.consento.signals.AttributeListener;
import com.consento.signals.CustomerAttributes;
import org.springframework.stereotype.Component;

/** A person's orders changed: their held features are derived again on next use; erased: deleted. */
@Component
class OrderSignalListener implements AttributeListener {
    private final FeatureStore store;

    OrderSignalListener(FeatureStore store) {
        this.store = store;
    }

    @Override
    public void attributesChanged(CustomerAttributes attributes) {
        store.invalidate(attributes.subject());
    }

    @Override
    public void attributesRemoved(int subject) {
        store.purge(subject);
    }
}
