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
}
