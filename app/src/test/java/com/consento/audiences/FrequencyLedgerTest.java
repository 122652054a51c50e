package com.consento.audiences;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.roaringbitmap.RoaringBitmap;

class FrequencyLedgerTest {
    static final long DAY = 86_400_000L;
    static final long NOW = 20_000 * DAY + 3_600_000;

    @Test
    @DisplayName("people at or over the weekly cap are found by bitmap layers, and only within the window")
    void at_least_n_in_the_window() {
        FrequencyLedger ledger = new FrequencyLedger();
        ledger.record(1, NOW);
        ledger.record(1, NOW);            // two today
        ledger.record(1, NOW - 6 * DAY);  // and one six days ago: 3 this week
        ledger.record(2, NOW - DAY);
        ledger.record(2, NOW - 7 * DAY);  // a week and a day ago: outside
        ledger.record(3, NOW - 2 * DAY);
        ledger.record(3, NOW - 3 * DAY);
        RoaringBitmap all = RoaringBitmap.bitmapOf(1, 2, 3, 4);
        assertThat(ledger.atLeast(3, NOW, 7, all).toArray()).containsExactly(1);
        assertThat(ledger.atLeast(2, NOW, 7, all).toArray()).containsExactly(1, 3);
        assertThat(ledger.atLeast(1, NOW, 7, all).toArray()).containsExactly(1, 2, 3);
        assertThat(ledger.atLeast(0, NOW, 7, all).toArray()).containsExactly(1, 2, 3, 4);
        assertThat(ledger.atLeast(2, NOW, 7, RoaringBitmap.bitmapOf(3, 4)).toArray()).containsExactly(3);
        assertThat(ledger.count(1, NOW, 7)).isEqualTo(3);
        assertThat(ledger.count(2, NOW, 7)).isEqualTo(1);
        ledger.prune(NOW - 2 * DAY);
        assertThat(ledger.count(1, NOW, 7)).isEqualTo(2);
    }
}
