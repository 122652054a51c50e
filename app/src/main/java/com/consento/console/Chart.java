package com.consento.console;

import java.util.List;

/**
 * One dashboard chart as the page script draws it: {@code kind} is {@code bar}, {@code hbar} or {@code line};
 * {@code notes} (optional) add a line per category to the tooltip; {@code empty} says there is nothing to
 * count yet, and the chart still draws its axes with {@code emptyText} over them; {@code caption} (optional)
 * says what was left out.
 */
record Chart(String kind, String unit, List<String> categories, List<Series> series, List<String> notes, boolean empty,
             String emptyText, String caption) {

    record Series(String name, List<Number> data) {
    }

    Chart {
        categories = List.copyOf(categories);
        series = List.copyOf(series);
        notes = notes == null ? List.of() : List.copyOf(notes);
    }
}
