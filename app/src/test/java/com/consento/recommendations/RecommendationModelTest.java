package com.consento.recommendations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RecommendationModelTest {

    private static final double NO_RECENCY = Double.POSITIVE_INFINITY;

    /** Six customers bought A then B, six bought C then D, and E was bought by nine. */
    private static List<List<String>> histories() {
        List<List<String>> histories = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            histories.add(List.of("A", "B"));
            histories.add(List.of("C", "D"));
        }
        for (int i = 0; i < 9; i++) {
            histories.add(List.of("E"));
        }
        return histories;
    }

    private static RecommendationModel fitted(double halfLife, double transitionWeight) {
        List<List<String>> histories = histories();
        ItemCatalog catalog = ItemCatalog.of(histories);
        int[][] ids = histories.stream()
                .map(h -> h.stream().mapToInt(catalog::id).toArray())
                .toArray(int[][]::new);
        return RecommendationTrainer.fit(catalog, ids,
                new ModelParameters(1.0, halfLife, transitionWeight, Double.NaN));
    }

    @Test
    void each_recommendation_names_the_history_item_that_contributed_most() {
        List<Recommendation> top = fitted(NO_RECENCY, 0).recommend(List.of("A", "C"), 2);
        assertEquals(2, top.size());
        // Equal scores without recency, so the smaller stock code comes first.
        assertEquals("B", top.get(0).item());
        assertEquals(Optional.of("A"), top.get(0).because());
        assertEquals("D", top.get(1).item());
        assertEquals(Optional.of("C"), top.get(1).because());
    }

    @Test
    void with_a_short_half_life_the_latest_purchase_leads() {
        List<Recommendation> top = fitted(1.0, 0).recommend(List.of("A", "C"), 1);
        assertEquals("D", top.get(0).item());
        assertEquals(Optional.of("C"), top.get(0).because());
    }

    @Test
    void bought_next_transitions_are_explained_by_the_item_bought_before() {
        List<Recommendation> top = fitted(NO_RECENCY, 1.0).recommend(List.of("C"), 1);
        assertEquals("D", top.get(0).item());
        assertEquals(Optional.of("C"), top.get(0).because());
        assertTrue(top.get(0).score() > fitted(NO_RECENCY, 0).recommend(List.of("C"), 1).get(0).score());
    }

    @Test
    void items_the_customer_already_has_are_never_recommended() {
        List<Recommendation> all = fitted(NO_RECENCY, 0).recommend(List.of("A", "B", "A"), 10);
        assertEquals(3, all.size());
        assertTrue(all.stream().noneMatch(r -> r.item().equals("A") || r.item().equals("B")));
    }

    @Test
    void an_empty_or_unknown_history_gets_popular_items_without_an_explanation() {
        RecommendationModel model = fitted(NO_RECENCY, 0);
        for (List<String> history : List.of(List.<String>of(), List.of("NEVER_SOLD"))) {
            List<Recommendation> top = model.recommend(history, 2);
            assertEquals(List.of("E", "A"), top.stream().map(Recommendation::item).toList());
            assertTrue(top.stream().allMatch(r -> r.because().isEmpty()));
        }
    }

    @Test
    void recommendations_the_history_cannot_support_are_filled_by_popularity() {
        List<Recommendation> top = fitted(NO_RECENCY, 0).recommend(List.of("A"), 3);
        assertEquals("B", top.get(0).item());
        assertEquals(Optional.of("A"), top.get(0).because());
        assertEquals("E", top.get(1).item());
        assertFalse(top.get(1).because().isPresent());
    }

    @Test
    void training_the_same_histories_twice_gives_the_same_model() {
        RecommendationModel first = RecommendationTrainer.train(histories());
        RecommendationModel second = RecommendationTrainer.train(histories());
        assertEquals(first.parameters(), second.parameters());
        assertEquals(first.recommend(List.of("A", "C"), 5), second.recommend(List.of("A", "C"), 5));
        assertEquals(5, first.itemCount());
    }
}
