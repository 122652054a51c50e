package com.consento.ledger;

import java.util.List;
import org.springframework.stereotype.Service;

/** Read access to raw ledger rows for evidence: what was recorded in a period, exactly as stored. */
@Service
public class LedgerExtract {
    private final LedgerStore store;

    LedgerExtract(LedgerStore store) {
        this.store = store;
    }

    public List<RecordedEvent> recordedBetween(long from, long to, int limit) {
        return store.recordedBetween(from, to, limit);
    }

    /** The canonical form the hash covers, so an auditor's tool can be checked against ours. */
    public static String canonical(RecordedEvent e) {
        return HashChain.canonical(e);
    }
}
