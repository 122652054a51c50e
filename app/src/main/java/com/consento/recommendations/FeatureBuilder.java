package com.consento.recommendations;

import com.consento.signals.SignalQueries.Interaction;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Derives {@link SubjectFeatures} from a person's signals, oldest first. A pure function. */
final class FeatureBuilder {
    static final int TOP_CATEGORIES = 5;

    private FeatureBuilder() {
    }

    /**
     * @param signals     purchases, and browsing only if the caller established that browsing counts
     * @param maxItems    at most this many distinct items are kept: the most recent ones
     */
    static SubjectFeatures build(List<Interaction> signals, ItemDictionary dictionary, ItemDictionary categoryNames,
                                 int maxItems,
                                 boolean includesBrowsing, long now, long since) {
        Map<String, Integer> position = new LinkedHashMap<>();
        Map<String, Boolean> bought = new HashMap<>();
        Map<String, String> category = new HashMap<>();
        Map<String, Integer> categoryCounts = new HashMap<>();
        for (Interaction s : signals) {
            if (!includesBrowsing && !s.purchase()) {
                continue;
            }
            position.putIfAbsent(s.sku(), position.size());
            bought.merge(s.sku(), s.purchase(), Boolean::logicalOr);
            if (s.category() != null && !s.category().isBlank()) {
                String c = s.category().strip();
                category.put(s.sku(), c);
                categoryCounts.merge(c, 1, Integer::sum);
            }
        }
        List<String> skus = new ArrayList<>(position.keySet());
        List<String> kept = skus.subList(Math.max(0, skus.size() - maxItems), skus.size());
        int[] items = new int[kept.size()];
        BitSet boughtBits = new BitSet(kept.size());
        int[] categories = new int[kept.size()];
        for (int i = 0; i < items.length; i++) {
            String sku = kept.get(i);
            items[i] = dictionary.id(sku);
            boughtBits.set(i, bought.get(sku));
            String c = category.get(sku);
            categories[i] = c == null ? -1 : categoryNames.id(c);
        }
        List<SubjectFeatures.CategoryCount> top = categoryCounts.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(TOP_CATEGORIES)
                .map(e -> new SubjectFeatures.CategoryCount(e.getKey(), e.getValue()))
                .toList();
        return new SubjectFeatures(items, boughtBits, categories, top, includesBrowsing, now, false, since, new int[0],
                new float[0]);
    }
}
