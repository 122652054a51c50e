package com.consento.platform;

import com.consento.shared.Problems;

/** A token bucket's shape: {@code perSecond} requests a second on average, {@code burst} of them at once. */
record RateLimit(double perSecond, long burst) {
    // slower than one request per 100 s is a disabled key, not a limit, and would make Retry-After meaningless
    static final double MIN_PER_SECOND = 0.01;
    static final double MAX = 1_000_000;

    RateLimit {
        if (!(perSecond >= MIN_PER_SECOND && perSecond <= MAX) || burst < 1 || burst > MAX) {
            throw new IllegalArgumentException("rate limit " + perSecond + "/s, burst " + burst + " is out of range");
        }
    }

    /**
     * The limit an admin asked for in a request ({@code rateLimit}, {@code burst}), or null when neither is given:
     * the key then follows the global default. A missing burst is one second's worth (at least 1), so
     * {@code rateLimit: 5} alone means 5 a second and never more at once; a missing rate is the default's.
     */
    static RateLimit requested(Double rateLimit, Double burst, RateLimit defaults, Problems problems) {
        if (rateLimit == null && burst == null) {
            return null;
        }
        boolean rateOk = rateLimit == null || (rateLimit >= MIN_PER_SECOND && rateLimit <= MAX); // false for NaN
        boolean burstOk = burst == null || (burst >= 1 && burst <= MAX && burst == Math.rint(burst));
        problems.require(rateOk, "/rateLimit", "rateLimit is requests a second: a number from " + MIN_PER_SECOND
                + " to " + (long) MAX + " (leave it out for the global default)");
        problems.require(burstOk, "/burst", "burst is how many requests may come at once: a whole number from 1 to "
                + (long) MAX + " (leave it out for one second's worth of rateLimit)");
        if (!rateOk || !burstOk) {
            return null;
        }
        double perSecond = rateLimit == null ? defaults.perSecond() : rateLimit;
        long b = burst == null ? Math.max(1, (long) Math.ceil(perSecond)) : burst.longValue();
        return new RateLimit(perSecond, b);
    }
}
