package com.consento.ledger;

import java.util.Comparator;

/**
 * The ordering rule: events are placed by when the person acted ({@code capturedAt}), not when Consento
 * heard of it; at equal capture times a withdrawal, refusal or expiry wins over a grant; then by
 * {@code recordedAt}, then by id. The last event in this order is the key's state.
 */
public final class ConsentOrder {
    public static final Comparator<RecordedEvent> ORDER = (a, b) -> compare(a.capturedAt(), a.action(),
            a.recordedAt(), a.id(), b.capturedAt(), b.action(), b.recordedAt(), b.id());

    private ConsentOrder() {
    }

    /** Whether {@code candidate} replaces {@code current} as the state of their key. */
    public static boolean supersedes(RecordedEvent candidate, RecordedEvent current) {
        return current == null || ORDER.compare(candidate, current) > 0;
    }

    static int compare(long capturedA, Action actionA, long recordedA, long idA,
                       long capturedB, Action actionB, long recordedB, long idB) {
        int c = Long.compare(capturedA, capturedB);
        if (c != 0) {
            return c;
        }
        c = Boolean.compare(actionA.negative(), actionB.negative());
        if (c != 0) {
            return c;
        }
        c = Long.compare(recordedA, recordedB);
        return c != 0 ? c : Long.compare(idA, idB);
    }
}
