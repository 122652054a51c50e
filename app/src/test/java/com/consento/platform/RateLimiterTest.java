package com.consento.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class RateLimiterTest {
    private Instant now = Instant.parse("2026-11-30T00:00:00Z");
    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };

    @Test
    @DisplayName("a key may send its burst at once, then waits; the answer says how many seconds")
    void burst_then_wait() {
        RateLimiter limiter = new RateLimiter(2, 3, clock);
        assertThat(limiter.acquire("k")).isZero();
        assertThat(limiter.acquire("k")).isZero();
        assertThat(limiter.acquire("k")).isZero();
        assertThat(limiter.acquire("k")).isEqualTo(1);
        now = now.plus(Duration.ofMillis(500));
        assertThat(limiter.acquire("k")).as("one token refilled after half a second at 2/s").isZero();
        assertThat(limiter.acquire("k")).isPositive();
    }

    @Test
    @DisplayName("one key's limit never slows another key")
    void keys_are_limited_separately() {
        RateLimiter limiter = new RateLimiter(1, 1, clock);
        assertThat(limiter.acquire("a")).isZero();
        assertThat(limiter.acquire("a")).isPositive();
        assertThat(limiter.acquire("b")).isZero();
    }

    @Test
    @DisplayName("a slow key waits several seconds, never zero")
    void retry_after_counts_whole_seconds() {
        RateLimiter limiter = new RateLimiter(0.2, 1, clock);
        assertThat(limiter.acquire("k")).isZero();
        assertThat(limiter.acquire("k")).isEqualTo(5);
    }

    @Test
    @DisplayName("a key with its own limit is held to it while other keys keep the default")
    void own_limit_applies_to_its_key_only() {
        RateLimiter limiter = new RateLimiter(100, 100, clock);
        limiter.limit("slow", new RateLimit(1, 2));
        assertThat(limiter.acquire("slow")).isZero();
        assertThat(limiter.acquire("slow")).isZero();
        assertThat(limiter.acquire("slow")).isEqualTo(1);
        for (int i = 0; i < 100; i++) {
            assertThat(limiter.acquire("other")).isZero();
        }
    }

    @Test
    @DisplayName("a changed limit is in force at the next request, with a full bucket of the new size")
    void changed_limit_applies_at_once() {
        RateLimiter limiter = new RateLimiter(100, 100, clock);
        limiter.limit("k", new RateLimit(1, 1));
        assertThat(limiter.acquire("k")).isZero();
        assertThat(limiter.acquire("k")).isPositive();
        limiter.limit("k", new RateLimit(50, 10));
        for (int i = 0; i < 10; i++) {
            assertThat(limiter.acquire("k")).isZero();
        }
        assertThat(limiter.acquire("k")).isPositive();
        limiter.limit("k", null);
        assertThat(limiter.limitOf("k")).isNull();
        for (int i = 0; i < 100; i++) {
            assertThat(limiter.acquire("k")).as("back to the default of 100").isZero();
        }
    }

    @Test
    @DisplayName("a wall clock stepped back never drains a bucket")
    void clock_stepped_back_keeps_tokens() {
        RateLimiter limiter = new RateLimiter(1, 2, clock);
        assertThat(limiter.acquire("k")).isZero();
        now = now.minus(Duration.ofMinutes(5));
        assertThat(limiter.acquire("k")).isZero();
    }
}
