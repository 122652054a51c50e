package com.consento.platform;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * A token bucket per API key: {@code perSecond} requests a second on average, {@code burst} at once. One
 * runaway integration cannot starve the others; it gets 429 with the seconds to wait.
 */
@Component
class RateLimiter {
    private final double perMilli;
    private final double burst;
    private final Clock clock;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    RateLimiter(@Value("${consento.rate-limit.per-second:10000}") double perSecond,
                @Value("${consento.rate-limit.burst:20000}") double burst, Clock clock) {
        this.perMilli = perSecond / 1000.0;
        this.burst = burst;
        this.clock = clock;
    }

    private static final class Bucket {
        private double tokens;
        private long refilledAt;

        Bucket(double tokens, long now) {
            this.tokens = tokens;
            this.refilledAt = now;
        }
    }

    /** 0 when the request may go ahead, otherwise the whole seconds to wait before the next one would. */
    long acquire(String keyId) {
        long now = clock.millis();
        Bucket b = buckets.computeIfAbsent(keyId, k -> new Bucket(burst, now));
        synchronized (b) {
            b.tokens = Math.min(burst, b.tokens + (now - b.refilledAt) * perMilli);
            b.refilledAt = now;
            if (b.tokens >= 1) {
                b.tokens -= 1;
                return 0;
            }
            return Math.max(1, (long) Math.ceil((1 - b.tokens) / perMilli / 1000.0));
        }
    }
}
