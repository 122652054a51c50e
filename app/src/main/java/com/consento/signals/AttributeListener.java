package com.consento.signals;

/** Keeps a view of customer attributes (the audience index): told after every committed change. */
public interface AttributeListener {

    void attributesChanged(CustomerAttributes attributes);

    /** The subject's attributes are gone (erasure). */
    default void attributesRemoved(int subject) {
    }
}
