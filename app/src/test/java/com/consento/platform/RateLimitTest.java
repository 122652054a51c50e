package com.consento.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.consento.shared.FieldProblem;
import com.consento.shared.Problems;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class RateLimitTest {
    private static final RateLimit DEFAULTS = new RateLimit(10_000, 20_000);

    @Test
    @DisplayName("no rateLimit and no burst means the key follows the global default")
    void absent_means_default() {
        Problems problems = new Problems();
        assertThat(RateLimit.requested(null, null, DEFAULTS, problems)).isNull();
        assertThat(problems.isEmpty()).isTrue();
    }

    @Test
    @DisplayName("a rate alone allows one second's worth at once, at least one request")
    void burst_defaults_to_one_second() {
        assertThat(RateLimit.requested(5.0, null, DEFAULTS, new Problems())).isEqualTo(new RateLimit(5, 5));
        assertThat(RateLimit.requested(2.5, null, DEFAULTS, new Problems())).isEqualTo(new RateLimit(2.5, 3));
        assertThat(RateLimit.requested(0.2, null, DEFAULTS, new Problems())).isEqualTo(new RateLimit(0.2, 1));
    }

    @Test
    @DisplayName("a burst alone keeps the default rate")
    void rate_defaults_to_global() {
        assertThat(RateLimit.requested(null, 7.0, DEFAULTS, new Problems())).isEqualTo(new RateLimit(10_000, 7));
    }

    @Test
    @DisplayName("zero, negative, not-a-number, infinite or huge rates and fractional bursts are refused by pointer")
    void bad_values_name_their_field() {
        for (double bad : new double[] {0, -1, Double.NaN, Double.POSITIVE_INFINITY, 1e7, 0.001}) {
            Problems problems = new Problems();
            assertThat(RateLimit.requested(bad, 5.0, DEFAULTS, problems)).isNull();
            assertThat(problems.list()).extracting(FieldProblem::pointer).containsExactly("/rateLimit");
        }
        for (double bad : new double[] {0, -3, 1.5, Double.NaN, Double.NEGATIVE_INFINITY, 2e6}) {
            Problems problems = new Problems();
            assertThat(RateLimit.requested(5.0, bad, DEFAULTS, problems)).isNull();
            assertThat(problems.list()).extracting(FieldProblem::pointer).containsExactly("/burst");
        }
    }
}
