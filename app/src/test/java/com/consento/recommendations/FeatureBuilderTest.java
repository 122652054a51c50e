package com.consento.recommendations;

import static org.assertj.core.api.Assertions.assertThat;

import com.consento.signals.SignalQueries.Interaction;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class FeatureBuilderTest {
    private final ItemDictionary dictionary = new ItemDictionary();
    private final ItemDictionary categories = new ItemDictionary();

    private static Interaction bought(String sku, String category, long at) {
        return new Interaction(sku, category, at, true);
    }

    private static Interaction viewed(String sku, long at) {
        return new Interaction(sku, "toys", at, false);
    }

    private List<String> skus(SubjectFeatures f) {
        return java.util.Arrays.stream(f.items()).mapToObj(dictionary::sku).toList();
    }

    @Test
    @DisplayName("the recent-items vector keeps distinct items in order of first occurrence, with bought or viewed")
    void recent_items() {
        SubjectFeatures f = FeatureBuilder.build(List.of(bought("A", "toys", 1), viewed("B", 2), bought("A", "toys", 3),
                bought("B", "toys", 4), viewed("C", 5)), dictionary, categories, 10, true, 100, 0);
        assertThat(skus(f)).containsExactly("A", "B", "C");
        assertThat(f.bought().get(0)).isTrue();
        assertThat(f.bought().get(1)).isTrue();
        assertThat(f.bought().get(2)).isFalse();
        assertThat(f.includesBrowsing()).isTrue();
        assertThat(f.builtAt()).isEqualTo(100);
        assertThat(f.freshAt(150, 100)).isTrue();
        assertThat(f.freshAt(200, 100)).isFalse();
        assertThat(f.asStale().freshAt(150, 100)).isFalse();
    }

    @Test
    @DisplayName("NDSR-22d browsing never enters the features unless it counts")
    void browsing_left_out_without_consent() {
        SubjectFeatures f = FeatureBuilder.build(List.of(bought("A", "toys", 1), viewed("B", 2), viewed("C", 3)),
                dictionary, categories, 10, false, 100, 0);
        assertThat(skus(f)).containsExactly("A");
        assertThat(f.topCategories()).containsExactly(new SubjectFeatures.CategoryCount("toys", 1));
        assertThat(f.includesBrowsing()).isFalse();
    }

    @Test
    @DisplayName("only the most recent items are kept, and top categories count every signal")
    void capped_and_top_categories() {
        SubjectFeatures f = FeatureBuilder.build(List.of(bought("A", "kitchen", 1), bought("B", "toys", 2),
                bought("C", "toys", 3), bought("D", null, 4)), dictionary, categories, 2, false, 100, 0);
        assertThat(skus(f)).containsExactly("C", "D");
        assertThat(f.itemCategories()[0]).isEqualTo(categories.id("toys"));
        assertThat(f.itemCategories()[1]).isEqualTo(-1);
        assertThat(f.topCategories()).containsExactly(new SubjectFeatures.CategoryCount("toys", 2),
                new SubjectFeatures.CategoryCount("kitchen", 1));
    }

    @Test
    @DisplayName("no signals: empty features")
    void empty() {
        SubjectFeatures f = FeatureBuilder.build(List.of(), dictionary, categories, 10, true, 100, 50);
        assertThat(f.isEmpty()).isTrue();
        assertThat(f.since()).isEqualTo(50);
    }
}
