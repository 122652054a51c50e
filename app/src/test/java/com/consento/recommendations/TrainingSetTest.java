package com.consento.recommendations;

import static org.assertj.core.api.Assertions.assertThat;

import com.consento.signals.SignalQueries.Interaction;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class TrainingSetTest {

    @Test
    @DisplayName("purchases and allowed browsing merge by time, a purchase first at the same moment")
    void merge() {
        List<Interaction> merged = TrainingSet.merge(
                List.of(new Interaction("A", null, 1, true), new Interaction("C", null, 5, true)),
                List.of(new Interaction("B", null, 3, false), new Interaction("X", null, 5, false)));
        assertThat(merged).extracting(Interaction::sku).containsExactly("A", "B", "C", "X");
    }

    @Test
    @DisplayName("the model learns only the most bought items, so its memory stays bounded")
    void keeps_most_bought_items() {
        List<List<String>> kept = TrainingSet.keepMostBought(List.of(List.of("A", "B"), List.of("A", "C"),
                List.of("B"), List.of("D")), 2);
        assertThat(kept).containsExactly(List.of("A", "B"), List.of("A"), List.of("B"));
    }
}
