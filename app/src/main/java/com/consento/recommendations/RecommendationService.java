package com.consento.recommendations;

import com.consento.identity.IdentityService;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * The recommendation API. Every request asks the decisions first (from memory) and personalises only when
 * personalisation and purchase history allow (PIPL-24b): so a withdrawal counts from the very next request.
 * A personalised answer is labelled and says for each item which of the person's purchases it comes from
 * (GB-7.5). Everyone else — and anyone who asks for it — gets the popular, trending and new lists.
 * Nothing on the request path trains, and only a person's first request after their signals changed reads
 * the database.
 */
@Service
public class RecommendationService {
    private final IdentityService identity;
    private final RecommendationConsents consents;
    private final FeatureStore store;
    private final FeatureSource source;
    private final ModelRegistry registry;
    private final ItemDescriptions names;
    private final TrainingJob training;
    private final RecommendationSettings settings;
    private final Clock clock;

    RecommendationService(IdentityService identity, RecommendationConsents consents, FeatureStore store,
                          FeatureSource source, ModelRegistry registry, ItemDescriptions names, TrainingJob training,
                          RecommendationSettings settings, Clock clock) {
        this.identity = identity;
        this.consents = consents;
        this.store = store;
        this.source = source;
        this.registry = registry;
        this.names = names;
        this.training = training;
        this.settings = settings;
        this.clock = clock;
    }

    /** What a training run did. */
    public record Retrained(int histories, int items, boolean modelReady, long millis) {
    }

    /** Rebuilds the popular lists and retrains the model now, on the caller's thread (tests, operators). */
    public Retrained retrainNow() {
        TrainingJob.Run run = training.retrain();
        return new Retrained(run.histories(), run.items(), run.modelReady(), run.millis());
    }

    /**
     * @param subject   a subject id or {@code type:value}; null for an anonymous visitor
     * @param optedOut  the caller asked for the non-personalised list
     * @param context   a sku: "customers who bought it also bought", for anyone, without personal data
     */
    Recommendations recommend(String subject, int limit, boolean optedOut, String context, Language lang) {
        if (context != null) {
            return alsoBought(context, limit, lang);
        }
        long now = clock.millis();
        int index = subject == null ? -1 : identity.resolve(subject);
        String subjectId = index < 0 ? null : identity.idOf(index);
        ConsentGate.Verdict verdict = consents.verdict(index, optedOut, now);
        if (!verdict.personalised()) {
            if (!optedOut) {
                store.purge(index); // consent ended without a listener hearing it (expiry, outdated notice)
            }
            return popular(verdict.reason(), subjectId, limit, lang);
        }
        Optional<TrainedModel> model = registry.model();
        if (model.isEmpty()) {
            return popular(Recommendations.MODEL_NOT_READY, subjectId, limit, lang);
        }
        try {
            SubjectFeatures features = features(index, subjectId, now);
            return personalised(model.get().model(), verdict.reason(), index, subjectId, features, limit, lang);
        } finally {
            if (!consents.personalisationAllowed(index, clock.millis())) {
                store.purge(index); // withdrawn while this request ran: nothing derived may stay
            }
        }
    }

    private SubjectFeatures features(int index, String subjectId, long now) {
        boolean browsing = consents.browsingCounts(index, now);
        long ttl = settings.featuresTtl().toMillis();
        Optional<SubjectFeatures> held = store.get(index);
        if (held.isPresent() && held.get().freshAt(now, ttl) && held.get().includesBrowsing() == browsing) {
            return held.get();
        }
        synchronized (store.lockFor(index)) {
            held = store.get(index);
            if (held.isPresent() && held.get().freshAt(now, ttl) && held.get().includesBrowsing() == browsing) {
                return held.get();
            }
            SubjectFeatures built = source.load(subjectId, browsing, now);
            store.put(index, built);
            return built;
        }
    }

    private Recommendations personalised(RecommendationModel model, String reason, int index, String subjectId,
                                         SubjectFeatures features, int limit, Language lang) {
        if (features.isEmpty()) {
            return popular(Recommendations.NO_HISTORY, subjectId, limit, lang);
        }
        Personaliser.Ranked ranked = personaliser().rank(model, features, limit, lang);
        if (!ranked.personal()) {
            return popular(Recommendations.NO_HISTORY, subjectId, limit, lang);
        }
        store.recordScores(index, features, ranked.ids(), ranked.scores());
        return new Recommendations(true, reason, Explanations.label(lang), lang.tag(), subjectId,
                "/api/v1/recommendations?subject=" + subjectId + "&limit=" + limit + "&personalized=false",
                ranked.items());
    }

    private Recommendations popular(String reason, String subjectId, int limit, Language lang) {
        Personaliser personaliser = personaliser();
        List<RecommendedItem> items = new ArrayList<>();
        for (PopularItems.Pick p : registry.popular().blend(limit)) {
            items.add(personaliser.item(p.sku(), p.score(), Explanations.nonPersonal(lang, p.source()), p.source(),
                    null, lang));
        }
        return new Recommendations(false, reason, null, lang.tag(), subjectId, null, List.copyOf(items));
    }

    private Recommendations alsoBought(String context, int limit, Language lang) {
        Optional<TrainedModel> model = registry.model();
        if (model.isEmpty()) {
            return popular(Recommendations.ITEM_CONTEXT, null, limit, lang);
        }
        String about = Explanations.describe(lang, context, names.name(context), registry.popular().category(context));
        Personaliser personaliser = personaliser();
        List<RecommendedItem> items = new ArrayList<>();
        for (Recommendation r : model.get().model().recommend(List.of(context), limit)) {
            boolean related = r.because().isPresent();
            items.add(personaliser.item(r.item(), r.score(), related ? Explanations.alsoBought(lang, about)
                            : Explanations.nonPersonal(lang, Source.POPULAR), related ? Source.ALSO_BOUGHT : Source.POPULAR,
                    related ? context : null, lang));
        }
        return new Recommendations(false, Recommendations.ITEM_CONTEXT, null, lang.tag(), null, null,
                List.copyOf(items));
    }

    private Personaliser personaliser() {
        return new Personaliser(store, names::name, registry.popular());
    }
}
