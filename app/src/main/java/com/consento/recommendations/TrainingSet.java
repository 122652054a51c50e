package com.consento.recommendations;

import com.consento.decisions.DecisionService;
import com.consento.identity.IdentityService;
import com.consento.signals.SignalQueries;
import com.consento.signals.SignalQueries.Interaction;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * The histories the model may learn from, decided per person at training time: purchases only of people
 * whose purchase-history decision allows, browsing only of people whose browsing decision allows (and only
 * events that were kept, i.e. allowed when they happened), merged by time. Items beyond the
 * {@code maxItems} most bought are dropped, which bounds the model's memory.
 */
@Component
class TrainingSet {
    private final SignalQueries signals;
    private final DecisionService decisions;
    private final IdentityService identity;
    private final RecommendationSettings settings;

    TrainingSet(SignalQueries signals, DecisionService decisions, IdentityService identity,
                RecommendationSettings settings) {
        this.signals = signals;
        this.decisions = decisions;
        this.identity = identity;
        this.settings = settings;
    }

    List<List<String>> histories(long now) {
        Map<String, String> interned = new HashMap<>();
        Map<String, List<Interaction>> browsing = new HashMap<>();
        signals.forEachBrowsingHistory((subjectId, events) -> {
            if (allows(subjectId, settings.browsingPurpose(), now)) {
                browsing.put(subjectId, events);
            }
        });
        List<List<String>> histories = new ArrayList<>();
        signals.forEachPurchaseHistory((subjectId, lines) -> {
            List<Interaction> viewed = browsing.remove(subjectId);
            List<Interaction> used = allows(subjectId, settings.purchasePurpose(), now) ? lines : List.of();
            add(histories, merge(used, viewed == null ? List.of() : viewed), interned);
        });
        browsing.values().forEach(events -> add(histories, events, interned));
        return keepMostBought(histories, settings.maxItems());
    }

    private boolean allows(String subjectId, String purpose, long now) {
        int index = identity.indexOf(subjectId);
        return index >= 0
                && decisions.decide(identity.directory().survivor(index), purpose, null, now).allowed();
    }

    /** Both lists are oldest first; the merge is too (a purchase before a view at the same time). */
    static List<Interaction> merge(List<Interaction> purchases, List<Interaction> views) {
        if (views.isEmpty()) {
            return purchases;
        }
        List<Interaction> all = new ArrayList<>(purchases.size() + views.size());
        all.addAll(purchases);
        all.addAll(views);
        all.sort(Comparator.comparingLong(Interaction::at).thenComparing(i -> !i.purchase()));
        return all;
    }

    private static void add(List<List<String>> histories, List<Interaction> signals, Map<String, String> interned) {
        LinkedHashSet<String> distinct = new LinkedHashSet<>();
        signals.forEach(s -> distinct.add(interned.computeIfAbsent(s.sku(), k -> k)));
        if (!distinct.isEmpty()) {
            histories.add(new ArrayList<>(distinct));
        }
    }

    /** Histories restricted to the {@code maxItems} items in most histories (ties: the smaller code). */
    static List<List<String>> keepMostBought(List<List<String>> histories, int maxItems) {
        Map<String, Integer> count = new HashMap<>();
        histories.forEach(h -> h.forEach(sku -> count.merge(sku, 1, Integer::sum)));
        if (count.size() <= maxItems) {
            return histories;
        }
        Set<String> kept = new HashSet<>();
        count.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(maxItems)
                .forEach(e -> kept.add(e.getKey()));
        List<List<String>> out = new ArrayList<>(histories.size());
        for (List<String> h : histories) {
            List<String> k = h.stream().filter(kept::contains).toList();
            if (!k.isEmpty()) {
                out.add(k);
            }
        }
        return out;
    }
}
