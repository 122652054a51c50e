package com.consento.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class LongIntMapTest {

    /** Spreads i over the whole long range, negatives included, one to one; i = 0 gives key 0. */
    private static long spread(int i) {
        return i * 0x9E3779B97F4A7C15L;
    }

    @Test
    @DisplayName("a million entries, key 0 and negative keys included, are all found again")
    void a_million_entries_including_zero_and_negative_keys_are_found_again() {
        LongIntMap map = new LongIntMap(16);
        int n = 1_000_000;
        for (int i = 0; i < n; i++) {
            map.put(spread(i), i);
        }
        map.put(-1L, 7);
        map.put(Long.MIN_VALUE, 8);
        map.put(Long.MAX_VALUE, 9);

        assertThat(spread(0)).isZero();
        for (int i = 0; i < n; i++) {
            assertThat(map.get(spread(i))).as("key %d", spread(i)).isEqualTo(i);
        }
        assertThat(map.get(-1L)).isEqualTo(7);
        assertThat(map.get(Long.MIN_VALUE)).isEqualTo(8);
        assertThat(map.get(Long.MAX_VALUE)).isEqualTo(9);
        assertThat(map.size()).isEqualTo(n + 3);
    }

    @Test
    @DisplayName("consecutive keys around zero survive many resizes")
    void consecutive_keys_survive_many_resizes() {
        LongIntMap map = new LongIntMap(1);
        for (int k = -50_000; k < 50_000; k++) {
            if (k != 1) { // key 1 and key 0 alias, see key_zero_and_key_one_are_different_entries
                map.put(k, k + 1_000_000);
            }
        }
        for (int k = -50_000; k < 50_000; k++) {
            if (k != 1) {
                assertThat(map.get(k)).as("key %d", k).isEqualTo(k + 1_000_000);
            }
        }
    }

    @Test
    @DisplayName("putting a key again overwrites its value and does not grow the map")
    void putting_a_key_again_overwrites_its_value() {
        LongIntMap map = new LongIntMap(4);
        map.put(42L, 1);
        map.put(42L, 2);
        map.put(0L, 3);
        map.put(0L, 4);

        assertThat(map.get(42L)).isEqualTo(2);
        assertThat(map.get(0L)).isEqualTo(4);
        assertThat(map.size()).isEqualTo(2);
    }

    @Test
    @DisplayName("a missing key answers -1")
    void a_missing_key_answers_minus_one() {
        LongIntMap map = new LongIntMap(4);
        assertThat(map.get(0L)).isEqualTo(-1);
        assertThat(map.get(123L)).isEqualTo(-1);
        map.put(5L, 50);
        assertThat(map.get(6L)).isEqualTo(-1);
        assertThat(map.get(-5L)).isEqualTo(-1);
    }

    @Test
    @DisplayName("a removed key answers -1 and others stay")
    void a_removed_key_answers_minus_one() {
        LongIntMap map = new LongIntMap(4);
        for (long k = 1; k <= 100; k++) {
            map.put(k * 31, (int) k);
        }
        map.remove(31 * 50);

        assertThat(map.get(31 * 50)).isEqualTo(-1);
        assertThat(map.get(31 * 51)).isEqualTo(51);
        assertThat(map.get(31 * 49)).isEqualTo(49);
    }

    @Test
    @DisplayName("key 0 and key 1 are different entries")
    void key_zero_and_key_one_are_different_entries() {
        // LongIntMap stores key 0 as key 1 (0 is its empty-slot marker), so the two alias each other.
        LongIntMap map = new LongIntMap(4);
        map.put(0L, 10);
        map.put(1L, 11);

        assertThat(map.get(0L)).isEqualTo(10);
        assertThat(map.get(1L)).isEqualTo(11);
        assertThat(map.size()).isEqualTo(2);
    }

    @Test
    @DisplayName("the table doubles only when it would pass a load of 3/4")
    void the_table_grows_at_three_quarters() {
        LongIntMap map = new LongIntMap(1);
        for (long k = 1; k <= 12; k++) {
            map.put(k, (int) k);
        }
        assertThat(map.capacity()).isEqualTo(16);

        map.put(13, 13);
        assertThat(map.capacity()).isEqualTo(32);
        for (long k = 1; k <= 13; k++) {
            assertThat(map.get(k)).isEqualTo((int) k);
        }
    }

    @Test
    @DisplayName("a map sized for n entries holds them at a load of at most 3/4 without growing")
    void a_presized_map_holds_its_entries_without_growing() {
        assertThat(new LongIntMap(12).capacity()).isEqualTo(16);
        assertThat(new LongIntMap(13).capacity()).isEqualTo(32);
        assertThat(new LongIntMap(98_304).capacity()).as("exactly 3/4 of 2^17").isEqualTo(1 << 17);
        assertThat(new LongIntMap(98_305).capacity()).isEqualTo(1 << 18);
    }
}
