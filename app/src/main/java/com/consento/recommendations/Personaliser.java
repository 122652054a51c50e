package com.consento.recommendations;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Turns a person's held features into an explained list (GB-7.5): the model's items, each personal one with
 * the history item behind it in the shopper's words ("因为您购买了 …"), the rest marked as popular. Plain
 * Java, no I/O: the in-memory part of a request, benchmarked on its own.
 */
final class Personaliser {
    private final FeatureStore store;
    private final UnaryOperator<String> names;
    private final PopularItems popular;

    /** What the model made of one person's features; {@code personal} false when nothing came from them. */
    record Ranked(List<RecommendedItem> items, int[] ids, float[] scores, boolean personal) {
    }

    /** @param names an item's readable name, or null */
    Personaliser(FeatureStore store, UnaryOperator<String> names, PopularItems popular) {
        this.store = store;
        this.names = names;
        this.popular = popular;
    }

    Ranked rank(RecommendationModel model, SubjectFeatures features, int limit, Language lang) {
        ItemDictionary dictionary = store.dictionary();
        List<String> history = new ArrayList<>(features.items().length);
        for (int item : features.items()) {
            history.add(dictionary.sku(item));
        }
        List<Recommendation> recs = model.recommend(history, limit);
        List<RecommendedItem> items = new ArrayList<>(recs.size());
        int[] ids = new int[recs.size()];
        float[] scores = new float[recs.size()];
        boolean personal = false;
        for (int i = 0; i < recs.size(); i++) {
            Recommendation r = recs.get(i);
            ids[i] = dictionary.id(r.item());
            scores[i] = (float) r.score();
            if (r.because().isPresent()) {
                personal = true;
                String because = r.because().get();
                int at = features.indexOf(dictionary.id(because));
                boolean bought = at < 0 || features.bought().get(at);
                String why = Explanations.because(lang, bought,
                        Explanations.describe(lang, because, names.apply(because), store.categoryOf(features, at)));
                items.add(item(r.item(), r.score(), why, Source.PERSONAL, because, lang));
            } else {
                items.add(item(r.item(), r.score(), Explanations.nonPersonal(lang, Source.POPULAR), Source.POPULAR,
                        null, lang));
            }
        }
        return new Ranked(List.copyOf(items), ids, scores, personal);
    }

    /** An item as the API shows it, described by name or category where either is known. */
    RecommendedItem item(String sku, double score, String why, Source source, String because, Language lang) {
        String name = names.apply(sku);
        String category = popular.category(sku);
        String description = name != null || category != null ? Explanations.describe(lang, sku, name, category) : null;
        return new RecommendedItem(sku, Math.round(score * 10_000) / 10_000.0, why, source.code(), because,
                description);
    }
}
