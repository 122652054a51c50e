package com.consento.audiences;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.roaringbitmap.FastAggregation;
import org.roaringbitmap.RoaringBitmap;

/** Named suppression lists in memory (the global list is {@value #GLOBAL}); rebuilt from storage at start-up. */
public final class SuppressionLists {
    public static final String GLOBAL = "global";
    private final Map<String, RoaringBitmap> lists = new HashMap<>();

    public synchronized void add(String list, int subject) {
        lists.computeIfAbsent(list, l -> new RoaringBitmap()).add(subject);
    }

    public synchronized void remove(String list, int subject) {
        RoaringBitmap b = lists.get(list);
        if (b != null) {
            b.remove(subject);
        }
    }

    /** The global list and the named ones, united: a new bitmap. */
    public synchronized RoaringBitmap union(Collection<String> names) {
        RoaringBitmap global = lists.getOrDefault(GLOBAL, new RoaringBitmap());
        return FastAggregation.or(java.util.stream.Stream.concat(java.util.stream.Stream.of(global),
                names.stream().map(n -> lists.getOrDefault(n, new RoaringBitmap()))).iterator());
    }

    /** The first list (the global one first) that holds the subject, or null. */
    public synchronized String listHolding(int subject, Collection<String> names) {
        if (lists.getOrDefault(GLOBAL, new RoaringBitmap()).contains(subject)) {
            return GLOBAL;
        }
        return names.stream().filter(n -> lists.getOrDefault(n, new RoaringBitmap()).contains(subject)).findFirst()
                .orElse(null);
    }
}
