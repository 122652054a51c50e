package com.consento.platform;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * {@code consento_rate_limited_total{key=<key id>}}: requests refused with 429, so an operator sees which
 * integration is throttled. Tagged by the key's id, never its secret; one series per key that was ever
 * throttled, and the counter is looked up once per key, not per refusal.
 */
@Component
class RateLimitMetrics {
    private final MeterRegistry registry;
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();

    RateLimitMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void throttled(String keyId) {
        counters.computeIfAbsent(keyId, id -> Counter.builder("consento.rate.limited")
                .description("API requests refused with 429 because the key exceeded its rate limit")
                .tag("key", id).register(registry)).increment();
    }
}
