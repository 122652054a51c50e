package com.consento.recommendations;

import com.consento.signals.SignalQueries.SkuCount;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The non-personalised lists (PIPL-24b), from aggregate counts over all orders: popular (most distinct
 * buyers), trending (most distinct buyers in a recent window) and new (first sold recently), plus each
 * item's usual category. Immutable; rebuilt with the model and swapped in.
 */
final class PopularItems {
    static final PopularItems EMPTY = new PopularItems(List.of(), List.of(), List.of(), Map.of(), 0);

    /** An item chosen without looking at anybody's history. */
    record Pick(String sku, double score, Source source) {
    }

    private final List<SkuCount> popular;
    private final List<SkuCount> trending;
    private final List<SkuCount> newest;
    private final Map<String, String> categories;
    private final long builtAt;

    PopularItems(List<SkuCount> popular, List<SkuCount> trending, List<SkuCount> newest,
                 Map<String, String> categories, long builtAt) {
        this.popular = List.copyOf(popular);
        this.trending = List.copyOf(trending);
        this.newest = List.copyOf(newest);
        this.categories = Map.copyOf(categories);
        this.builtAt = builtAt;
    }

    long builtAt() {
        return builtAt;
    }

    String category(String sku) {
        return categories.get(sku);
    }

    /**
     * Up to {@code limit} distinct items taken in turn from trending, popular and new (a list that runs out
     * is skipped), each scored within its own list: count / top count, or for new items by rank.
     */
    List<Pick> blend(int limit) {
        List<Pick> out = new ArrayList<>(limit);
        Set<String> seen = new HashSet<>();
        int[] next = new int[3];
        List<List<SkuCount>> lists = List.of(trending, popular, newest);
        Source[] sources = {Source.TRENDING, Source.POPULAR, Source.NEW};
        boolean progress = true;
        while (out.size() < limit && progress) {
            progress = false;
            for (int l = 0; l < 3 && out.size() < limit; l++) {
                List<SkuCount> list = lists.get(l);
                while (next[l] < list.size() && seen.contains(list.get(next[l]).sku())) {
                    next[l]++;
                }
                if (next[l] < list.size()) {
                    SkuCount c = list.get(next[l]);
                    seen.add(c.sku());
                    out.add(new Pick(c.sku(), score(sources[l], list, next[l]), sources[l]));
                    next[l]++;
                    progress = true;
                }
            }
        }
        return out;
    }

    private static double score(Source source, List<SkuCount> list, int rank) {
        if (source == Source.NEW) {
            return 1.0 - (double) rank / list.size();
        }
        long top = list.get(0).count();
        return top <= 0 ? 0 : (double) list.get(rank).count() / top;
    }
}
