package com.consento.audiences;

import java.util.function.UnaryOperator;
import org.roaringbitmap.RoaringBitmap;

/**
 * The audience funnel, one stage after another, each counting whom it removed: the rule's matches, then the
 * consent gate, suppression lists, preferences and the frequency cap. Stages are functions of the remaining
 * candidates, so the costly per-person checks only ever see people still in the running.
 */
public final class AudienceFunnel {

    /** What each stage removed; {@code count} = matchedRule minus every exclusion. */
    public record Counts(int count, int matchedRule, int excludedByConsent, int excludedBySuppression,
                         int excludedByPreference, int excludedByFrequencyCap) {
    }

    public record Result(RoaringBitmap members, Counts counts) {
    }

    private AudienceFunnel() {
    }

    /**
     * @param allowed        the consent gate: the candidates whose decision allows
     * @param suppressed     everyone on the suppression lists that apply
     * @param preferenceOut  of the candidates, those whose preferences exclude them
     * @param capped         of the candidates, those at or over their frequency cap
     */
    public static Result run(RoaringBitmap matched, UnaryOperator<RoaringBitmap> allowed, RoaringBitmap suppressed,
                             UnaryOperator<RoaringBitmap> preferenceOut, UnaryOperator<RoaringBitmap> capped) {
        int matchedRule = matched.getCardinality();
        RoaringBitmap consented = allowed.apply(matched);
        int byConsent = matchedRule - consented.getCardinality();
        RoaringBitmap unsuppressed = RoaringBitmap.andNot(consented, suppressed);
        int bySuppression = consented.getCardinality() - unsuppressed.getCardinality();
        RoaringBitmap preferred = RoaringBitmap.andNot(unsuppressed, preferenceOut.apply(unsuppressed));
        int byPreference = unsuppressed.getCardinality() - preferred.getCardinality();
        RoaringBitmap members = RoaringBitmap.andNot(preferred, capped.apply(preferred));
        int byCap = preferred.getCardinality() - members.getCardinality();
        return new Result(members, new Counts(members.getCardinality(), matchedRule, byConsent, bySuppression,
                byPreference, byCap));
    }
}
