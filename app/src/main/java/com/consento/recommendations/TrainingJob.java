package com.consento.recommendations;

import com.consento.signals.SignalQueries;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Trains on a thread of its own: once when the application is ready (requests are served the popular lists
 * meanwhile), then every {@code retrain-interval} if orders arrived or purchase/browsing consents changed.
 * Each tick also purges features whose purpose is gone (PIPL-47a) and those unused for longer than their TTL
 * (they would be derived again anyway). One run at a time; a run publishes the new lists and model whole.
 */
@Component
class TrainingJob implements DisposableBean {
    private static final Logger log = LoggerFactory.getLogger(TrainingJob.class);
    private static final long DAY = 86_400_000L;
    private static final long POPULAR_MAX_AGE = 3_600_000L;
    private final SignalQueries signals;
    private final TrainingSet trainingSet;
    private final ModelRegistry registry;
    private final ItemDescriptions names;
    private final FeatureRetention retention;
    private final FeatureStore store;
    private final RecommendationSettings settings;
    private final Clock clock;
    private final ReentrantLock running = new ReentrantLock();
    private final AtomicLong versions = new AtomicLong();
    private volatile SignalQueries.Watermark trainedOn;
    private volatile ScheduledExecutorService executor;

    TrainingJob(SignalQueries signals, TrainingSet trainingSet, ModelRegistry registry, ItemDescriptions names,
                FeatureRetention retention, FeatureStore store, RecommendationSettings settings, Clock clock) {
        this.signals = signals;
        this.trainingSet = trainingSet;
        this.registry = registry;
        this.names = names;
        this.retention = retention;
        this.store = store;
        this.settings = settings;
        this.clock = clock;
    }

    /** What a run did. */
    record Run(int histories, int items, boolean modelReady, long millis) {
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        ScheduledExecutorService e = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "recommendation-training");
            t.setDaemon(true);
            t.setPriority(Thread.NORM_PRIORITY - 1);
            return t;
        });
        executor = e;
        if (settings.trainAtStartup()) {
            e.execute(() -> guarded(() -> {
                retrain();
            }));
        }
        long every = settings.retrainInterval().toMillis();
        if (every > 0) {
            e.scheduleWithFixedDelay(() -> guarded(this::tick), every, every, TimeUnit.MILLISECONDS);
        }
    }

    /** Retrains if something changed since the last run; purges features without a purpose either way. */
    void tick() {
        long now = clock.millis();
        long purged = retention.purge(now);
        if (purged > 0) {
            log.info("recommendations: purged the features of {} subjects who no longer allow personalisation", purged);
        }
        store.purgeIdle(now, settings.featuresTtl().toMillis());
        boolean ordersChanged = !Objects.equals(signals.orderWatermark(), trainedOn);
        if (ordersChanged || registry.takeConsentChanged()) {
            retrain();
        } else if (now - registry.popular().builtAt() > POPULAR_MAX_AGE) {
            registry.publishPopular(popular(now));
        }
    }

    /** Synchronously: the lists and the model from the signals and consents as they are now. */
    Run retrain() {
        running.lock();
        try {
            long start = clock.millis();
            names.loadOnce();
            SignalQueries.Watermark mark = signals.orderWatermark();
            registry.takeConsentChanged();
            registry.publishPopular(popular(start));
            List<List<String>> histories = trainingSet.histories(start);
            long distinct = histories.stream().flatMap(List::stream).distinct().count();
            TrainedModel trained = null;
            if (distinct >= 2) {
                RecommendationModel model = RecommendationTrainer.train(histories);
                trained = new TrainedModel(model, versions.incrementAndGet(), clock.millis(), histories.size(),
                        model.itemCount());
            }
            // An empty training set clears the model too: it must not outlive the consents it was trained under.
            registry.publishModel(trained);
            trainedOn = mark;
            long took = clock.millis() - start;
            log.info("recommendations: trained on {} histories, {} items in {} ms{}", histories.size(), distinct, took,
                    trained == null ? " (too little data: popular lists only)" : "");
            return new Run(histories.size(), (int) distinct, trained != null, took);
        } finally {
            running.unlock();
        }
    }

    private PopularItems popular(long now) {
        int n = RecommendationSettings.LIST_LENGTH;
        return new PopularItems(signals.popular(n), signals.trending(now - settings.trendingDays() * DAY, n),
                signals.newest(now - settings.newDays() * DAY, n), signals.categories(), now);
    }

    private static void guarded(Runnable task) {
        try {
            task.run();
        } catch (RuntimeException | OutOfMemoryError e) {
            log.warn("recommendations: training run failed; the previous model stays in service", e);
        }
    }

    @Override
    public void destroy() {
        ScheduledExecutorService e = executor;
        if (e != null) {
            e.shutdownNow();
        }
    }
}
