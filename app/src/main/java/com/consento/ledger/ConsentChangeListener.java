package com.consento.ledger;

/** Anything that keeps a view of consent state: told of every change after it is committed. */
public interface ConsentChangeListener {
    void consentChanged(ConsentChanged change);
}
