package com.consento.signals;

import java.util.List;

/**
 * RFM segments from recency (days since the last order) and frequency (orders): the first segment whose
 * bounds hold wins. One table serves both a person's attribute view and the audience rule {@code rfm}, so
 * the two never disagree. Monetary value stays its own attribute ({@code totalSpend}).
 */
public final class Rfm {
    public static final int ANY = Integer.MAX_VALUE;

    /** A segment: recency at most {@code maxRecencyDays}, orders within [minOrders, maxOrders]. */
    public record Segment(String name, int maxRecencyDays, int minOrders, int maxOrders) {
        boolean holds(long recencyDays, int orders) {
            return recencyDays <= maxRecencyDays && orders >= minOrders && orders <= maxOrders;
        }
    }

    public static final List<Segment> SEGMENTS = List.of(
            new Segment("champions", 30, 5, ANY),
            new Segment("loyal", 90, 3, ANY),
            new Segment("new", 30, 1, 1),
            new Segment("promising", 90, 1, ANY),
            new Segment("at_risk", 365, 3, ANY),
            new Segment("hibernating", 365, 1, ANY),
            new Segment("lost", ANY, 1, ANY));

    private Rfm() {
    }

    /** The segment's name, or null for someone who never ordered. */
    public static String segment(long recencyDays, int orders) {
        for (Segment s : SEGMENTS) {
            if (s.holds(recencyDays, orders)) {
                return s.name();
            }
        }
        return null;
    }
}
