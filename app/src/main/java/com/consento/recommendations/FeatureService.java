package com.consento.recommendations;

import com.consento.identity.AfterCommit;
import com.consento.identity.IdentityService;
import com.consento.identity.PersonalDataHolder;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * NDSR-42, PIPL-45a, ECL-24: a person sees the features held about them, deletes them (they are then derived
 * only from signals recorded after the deletion), finds them in their export, and loses them on erasure.
 */
@Service
class FeatureService implements PersonalDataHolder {
    static final String SECTION = "recommendationFeatures";
    private final FeatureStore store;
    private final FeatureResets resets;
    private final IdentityService identity;
    private final ItemDescriptions names;
    private final Clock clock;

    FeatureService(FeatureStore store, FeatureResets resets, IdentityService identity, ItemDescriptions names,
                   Clock clock) {
        this.store = store;
        this.resets = resets;
        this.identity = identity;
        this.names = names;
        this.clock = clock;
    }

    /** What is held: {@code held} false and empty lists when nothing is. */
    Map<String, Object> view(String subjectId) {
        String id = identity.requireActive(subjectId);
        Optional<SubjectFeatures> held = store.get(identity.indexOf(id));
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("subjectId", id);
        v.put("held", held.isPresent());
        List<Map<String, Object>> items = new ArrayList<>();
        List<Map<String, Object>> categories = new ArrayList<>();
        List<Map<String, Object>> last = new ArrayList<>();
        held.ifPresent(f -> {
            v.put("derivedAt", Instant.ofEpochMilli(f.builtAt()).toString());
            v.put("includesBrowsing", f.includesBrowsing());
            ItemDictionary dictionary = store.dictionary();
            for (int i = f.items().length - 1; i >= 0; i--) {
                Map<String, Object> item = new LinkedHashMap<>();
                String sku = dictionary.sku(f.items()[i]);
                item.put("sku", sku);
                if (names.name(sku) != null) {
                    item.put("name", names.name(sku));
                }
                String category = store.categoryOf(f, i);
                if (category != null) {
                    item.put("category", category);
                }
                item.put("signal", f.bought().get(i) ? "purchase" : "browse");
                items.add(item);
            }
            f.topCategories().forEach(c -> categories.add(Map.of("category", c.category(), "count", c.count())));
            for (int i = 0; i < f.lastItems().length; i++) {
                last.add(Map.of("sku", dictionary.sku(f.lastItems()[i]), "score", f.lastScores()[i]));
            }
        });
        v.put("recentItems", items);
        v.put("topCategories", categories);
        v.put("lastRecommendations", last);
        resets.find(id).ifPresent(at -> v.put("deletedAt", Instant.ofEpochMilli(at).toString()));
        return v;
    }

    /** Deletes what is held now, and keeps the signals recorded before now from ever deriving features again. */
    Map<String, Object> delete(String subjectId) {
        String id = identity.requireActive(subjectId);
        int index = identity.indexOf(id);
        long now = clock.millis();
        boolean removed;
        synchronized (store.lockFor(index)) {
            removed = store.purge(index);
            resets.reset(id, now);
        }
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("subjectId", id);
        v.put("deleted", removed);
        v.put("deletedAt", Instant.ofEpochMilli(now).toString());
        return v;
    }

    @Override
    public String section() {
        return SECTION;
    }

    @Override
    public Object export(String subjectId) {
        return view(subjectId);
    }

    @Override
    public void erase(String subjectId) {
        int index = identity.indexOf(subjectId);
        resets.delete(subjectId);
        store.purge(index);
        AfterCommit.run(() -> store.purge(index));
    }

    @Override
    public Map<String, Object> describe(String subjectId) {
        int index = identity.indexOf(subjectId);
        return Map.of(SECTION, store.get(index).map(f -> f.items().length).orElse(0));
    }
}
