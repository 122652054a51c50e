package com.consento.catalog;

import java.util.Arrays;

/**
 * What the decision path needs of a purpose, flattened for speed: the legal basis, the validity period and
 * the material notice changes that outdate earlier grants (sorted by notice sequence).
 */
public record PurposeTerms(String code, boolean consentGated, long validityMillis, long[] materialSequences,
                           long[] materialEffectiveMillis) {

    /**
     * PIPL-14b: a grant under notice {@code grantSequence} is outdated at {@code at} when a later material
     * notice covering this purpose has taken effect by then.
     */
    public boolean outdated(long grantSequence, long at) {
        for (int i = materialSequences.length - 1; i >= 0 && materialSequences[i] > grantSequence; i--) {
            if (materialEffectiveMillis[i] <= at) {
                return true;
            }
        }
        return false;
    }

    /** A grant captured at {@code capturedAt} has lapsed at {@code at}. */
    public boolean expired(long capturedAt, long at) {
        return validityMillis > 0 && expiresAt(capturedAt) <= at;
    }

    /**
     * Validity runs from the start of the second the grant was captured: the decision index keeps capture
     * times in whole seconds, and the state API must never disagree with it.
     */
    public long expiresAt(long capturedAt) {
        return validityMillis > 0 ? Math.floorDiv(capturedAt, 1000L) * 1000L + validityMillis : 0;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PurposeTerms t && t.code.equals(code) && t.consentGated == consentGated
                && t.validityMillis == validityMillis && Arrays.equals(t.materialSequences, materialSequences)
                && Arrays.equals(t.materialEffectiveMillis, materialEffectiveMillis);
    }

    @Override
    public int hashCode() {
        return code.hashCode();
    }

    @Override
    public String toString() {
        return "PurposeTerms[" + code + "]";
    }
}
