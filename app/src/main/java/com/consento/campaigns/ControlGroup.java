package com.consento.campaigns;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;

/**
 * The random hold-out: a person is in a campaign's control group when a hash of the campaign's seed and the
 * subject id falls below {@code percent} of the range. Deterministic, so every launch and every report of the
 * campaign agree on who was held out, and reproducible from the seed.
 */
final class ControlGroup {
    private ControlGroup() {
    }

    static boolean isControl(long seed, String subjectId, BigDecimal percent) {
        if (percent == null || percent.signum() <= 0) {
            return false;
        }
        long basisPoints = percent.movePointRight(2).longValue();
        return Math.floorMod(mix(seed ^ fnv(subjectId)), 10_000L) < basisPoints;
    }

    private static long fnv(String s) {
        long h = 0xcbf29ce484222325L;
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xff;
            h *= 0x100000001b3L;
        }
        return h;
    }

    /** SplitMix64's finaliser: spreads every input bit over the output. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
