package com.consento.propagation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class BackoffTest {

    @Test
    @DisplayName("a failed delivery waits the initial delay, doubled per failed attempt, up to the cap")
    void delay_doubles_per_failed_attempt_up_to_the_cap() {
        assertThat(Backoff.delayMillis(1_000, 600_000, 1)).isEqualTo(1_000);
        assertThat(Backoff.delayMillis(1_000, 600_000, 2)).isEqualTo(2_000);
        assertThat(Backoff.delayMillis(1_000, 600_000, 3)).isEqualTo(4_000);
        assertThat(Backoff.delayMillis(1_000, 600_000, 8)).isEqualTo(128_000);
        assertThat(Backoff.delayMillis(1_000, 600_000, 12)).isEqualTo(600_000);
        assertThat(Backoff.delayMillis(1_000, 600_000, 10_000)).isEqualTo(600_000);
    }

    @Test
    @DisplayName("a delivery is dead once it has used its attempts")
    void dead_after_max_attempts() {
        assertThat(Backoff.exhausted(7, 8)).isFalse();
        assertThat(Backoff.exhausted(8, 8)).isTrue();
    }
}
