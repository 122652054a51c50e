package com.consento.audiences;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.roaringbitmap.RoaringBitmap;

class AudienceFunnelTest {

    @Test
    @DisplayName("each stage counts only whom it removed, and the count is what is left")
    void stages_count_what_they_remove() {
        RoaringBitmap matched = RoaringBitmap.bitmapOf(1, 2, 3, 4, 5, 6, 7, 8);
        var result = AudienceFunnel.run(matched,
                c -> RoaringBitmap.andNot(c, RoaringBitmap.bitmapOf(1, 2)),  // no consent
                RoaringBitmap.bitmapOf(2, 3, 9),                              // suppressed (2 already out)
                c -> RoaringBitmap.and(c, RoaringBitmap.bitmapOf(4)),          // preferences
                c -> RoaringBitmap.and(c, RoaringBitmap.bitmapOf(4, 5, 6)));   // capped (4 already out)
        assertThat(result.members().toArray()).containsExactly(7, 8);
        assertThat(result.counts()).isEqualTo(new AudienceFunnel.Counts(2, 8, 2, 1, 1, 2));
    }
}
