package com.consento.recommendations;

import static org.assertj.core.api.Assertions.assertThat;

import com.consento.signals.SignalQueries.SkuCount;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class PopularItemsTest {

    @Test
    @DisplayName("PIPL-24b the non-personalised list takes trending, popular and new in turn, without repeats")
    void blend() {
        PopularItems items = new PopularItems(
                List.of(new SkuCount("P1", 10), new SkuCount("T1", 5), new SkuCount("P2", 2)),
                List.of(new SkuCount("T1", 4), new SkuCount("T2", 2)),
                List.of(new SkuCount("N1", 1_000), new SkuCount("T2", 900)),
                Map.of("P1", "toys"), 1);
        List<PopularItems.Pick> picks = items.blend(10);
        assertThat(picks).extracting(PopularItems.Pick::sku).containsExactly("T1", "P1", "N1", "T2", "P2");
        assertThat(picks).extracting(PopularItems.Pick::source).containsExactly(Source.TRENDING, Source.POPULAR,
                Source.NEW, Source.TRENDING, Source.POPULAR);
        assertThat(picks.get(0).score()).isEqualTo(1.0);
        assertThat(picks.get(3).score()).isEqualTo(0.5);
        assertThat(items.blend(2)).hasSize(2);
        assertThat(items.category("P1")).isEqualTo("toys");
        assertThat(PopularItems.EMPTY.blend(5)).isEmpty();
    }
}
