package com.consento.recommendations;

import com.consento.decisions.Decision;

/**
 * PIPL-24b: who gets a personalised list. Only when the person did not ask for the non-personalised one and
 * the decisions for both personalisation and purchase history allow; otherwise the reason is the first that
 * stops it — the opt-out, then personalisation's decision, then purchase history's. Browsing counts only when
 * its own decision allows. Evaluated on every request, from decisions held in memory.
 */
final class ConsentGate {
    static final String OPTED_OUT = "OPTED_OUT";

    /** {@code reason} is a decision reason ({@code GRANTED}, {@code WITHDRAWN}, …) or {@link #OPTED_OUT}. */
    record Verdict(boolean personalised, String reason) {
    }

    private ConsentGate() {
    }

    static Verdict evaluate(boolean optedOut, Decision personalization, Decision purchaseHistory) {
        if (optedOut) {
            return new Verdict(false, OPTED_OUT);
        }
        if (!personalization.allowed()) {
            return new Verdict(false, personalization.reason().name());
        }
        if (!purchaseHistory.allowed()) {
            return new Verdict(false, purchaseHistory.reason().name());
        }
        return new Verdict(true, personalization.reason().name());
    }

    /** Whether kept browsing events may feed this person's recommendations now. */
    static boolean browsingCounts(Decision browsing) {
        return browsing.allowed();
    }
}
