package com.consento.platform;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * A token bucket per API key: the key's own {@link RateLimit} when an admin gave it one, otherwise the global
 * default ({@code consento.rate-limit.per-second}, {@code .burst}). One runaway integration cannot starve the
 * others; it gets 429 with the seconds to wait. Limits live in memory (set by {@link ApiKeyService} at start-up
 * and on every change), so a request costs one map lookup and no database read.
 */
@Component
class RateLimiter {
    private final RateLimit defaults;
    private final Clock clock;
    private final Map<String, RateLimit> limits = new ConcurrentHashMap<>();
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    RateLimiter(@Value("${consento.rate-limit.per-second:10000}") double perSecond,
                @Value("${consento.rate-limit.burst:20000}") long burst, Clock clock) {
        this.defaults = new RateLimit(perSecond, burst);
        this.clock = clock;
    }

    RateLimit defaults() {
        return defaults;
    }

    /** The key's own limit, or null when it follows the default. */
    RateLimit limitOf(String keyId) {
        return limits.get(keyId);
    }

    /**
     * Gives a key its own limit (null: back to the default), in force from the next request. The key's bucket
     * starts again full at the new size: an admin who changes a limit means it to apply now, and carrying a
     * deficit across two bucket sizes would make the first seconds after a change hard to explain.
     */
    void limit(String keyId, RateLimit limit) {
        if (limit == null) {
            limits.remove(keyId);
        } else {
            limits.put(keyId, limit);
        }
        // after the put: a bucket created from here on reads the new limit; a request holding the old
        // bucket spends from it once, harmlessly
        buckets.remove(keyId);
    }

    /** 0 when the request may go ahead, otherwise the whole seconds to wait before the next one would. */
    long acquire(String keyId) {
        long now = clock.millis();
        return buckets.computeIfAbsent(keyId, k -> new Bucket(limits.getOrDefault(k, defaults), now)).take(now);
    }

    private static final class Bucket {
        private final double perMilli;
        private final long burst;
        private double tokens;
        private long refilledAt;

        Bucket(RateLimit limit, long now) {
            this.perMilli = limit.perSecond() / 1000.0;
            this.burst = limit.burst();
            this.tokens = burst;
            this.refilledAt = now;
        }

        synchronized long take(long now) {
            // max(0, …): a wall clock stepped back must not drain the bucket
            tokens = Math.min(burst, tokens + Math.max(0, now - refilledAt) * perMilli);
            refilledAt = Math.max(refilledAt, now);
            if (tokens >= 1) {
                tokens -= 1;
                return 0;
            }
            return Math.max(1, (long) Math.ceil((1 - tokens) / perMilli / 1000.0));
        }
    }
}
