package com.consento.ledger;

import java.util.List;

/**
 * Told of a batch's changes inside the ledger's own transaction, before it commits: for what must commit or
 * fail together with the ledger (an outbox). It must not call out of the process.
 */
public interface TransactionalConsentListener {
    void inTransaction(List<ConsentChanged> changes);
}
