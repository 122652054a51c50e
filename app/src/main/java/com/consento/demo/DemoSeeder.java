package com.consento.demo;

import com.consento.catalog.CatalogService;
import com.consento.catalog.Purpose;
import com.consento.identity.Identifier;
import com.consento.identity.IdentityService;
import com.consento.identity.ProfileService;
import com.consento.identity.RawIdentifier;
import com.consento.ledger.ConsentEventBody;
import com.consento.ledger.LedgerService;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Seeds the demo on an empty database ({@code consento.demo=true} and no purpose defined yet). The plan (a pure
 * computation over the bundled extract) is prepared on a background thread while the application starts; once
 * it is ready, before the start-up banner, the seeder writes the catalog and notice, the subjects with their
 * profiles, and the consent events in batches of {@value #BATCH} through the ledger, so that everything is
 * hash-chained and indexed exactly as if the channels had sent it.
 */
@Component
class DemoSeeder {
    static final int BATCH = 1000;
    private static final int SUBJECTS_PER_TRANSACTION = 500;
    private static final Logger log = LoggerFactory.getLogger(DemoSeeder.class);

    private final CatalogService catalog;
    private final IdentityService identity;
    private final ProfileService profiles;
    private final LedgerService ledger;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final CompletableFuture<DemoPlan> plan;
    private final DemoOrders orders;

    DemoSeeder(@Value("${consento.demo:false}") boolean enabled, CatalogService catalog, IdentityService identity,
               ProfileService profiles, LedgerService ledger, TransactionTemplate tx, Clock clock,
               DemoOrders orders) {
        this.orders = orders;
        this.catalog = catalog;
        this.identity = identity;
        this.profiles = profiles;
        this.ledger = ledger;
        this.tx = tx;
        this.clock = clock;
        this.plan = enabled && catalog.snapshot().purposes().isEmpty() ? prepare(clock) : null;
    }

    private static CompletableFuture<DemoPlan> prepare(Clock clock) {
        CompletableFuture<DemoPlan> future = new CompletableFuture<>();
        Thread planner = new Thread(() -> {
            try {
                future.complete(DemoPlanner.standard(clock));
            } catch (RuntimeException | Error e) {
                future.completeExceptionally(e);
            }
        }, "demo-planner");
        planner.setDaemon(true);
        planner.start();
        return future;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(Ordered.HIGHEST_PRECEDENCE)
    void onReady() {
        if (plan == null || !catalog.snapshot().purposes().isEmpty()) {
            return;
        }
        try {
            seed(plan.join());
        } catch (RuntimeException e) {
            log.error("Demo data could not be seeded; the service runs without it (CONSENTO_DEMO=false skips "
                    + "seeding)", e);
        }
    }

    private void seed(DemoPlan plan) {
        long started = System.nanoTime();
        List<Purpose> purposes = DemoCatalog.purposes();
        purposes.forEach(catalog::putPurpose);
        // in force since before the first demo consent was captured
        catalog.publish(DemoCatalog.notice(LocalDate.now(clock).minusDays(ConsentHistory.WINDOW_DAYS + 1)
                .atStartOfDay(ZoneOffset.UTC).toInstant()));
        long catalogDone = System.nanoTime();
        Map<String, String> subjectIds = createSubjects(plan.subjects());
        writeProfiles(plan.subjects(), subjectIds);
        long subjectsDone = System.nanoTime();
        int events = writeEvents(plan.events(), subjectIds);
        long done = System.nanoTime();
        long minors = plan.subjects().stream().filter(DemoPlan.Subject::minor).count();
        log.info("Demo data seeded in {} ms (catalog {} ms, subjects {} ms, events {} ms): {} purposes, notice {}, "
                        + "{} subjects ({} under 14), {} consent events, from the bundled Online Retail extract "
                        + "(CONSENTO_DEMO=false starts empty)",
                millis(done - started), millis(catalogDone - started), millis(subjectsDone - catalogDone),
                millis(done - subjectsDone), purposes.size(), DemoCatalog.NOTICE_VERSION, subjectIds.size(), minors,
                events);
        orders.loadInBackground();
    }

    /** Creates the subjects and links their identifiers; reuses a subject that already holds the member id. */
    private Map<String, String> createSubjects(List<DemoPlan.Subject> subjects) {
        Map<String, String> ids = new HashMap<>();
        for (List<DemoPlan.Subject> chunk : chunks(subjects, SUBJECTS_PER_TRANSACTION)) {
            tx.executeWithoutResult(s -> {
                for (DemoPlan.Subject subject : chunk) {
                    List<Identifier> identifiers = subject.identifiers().stream().map(DemoSeeder::parse).toList();
                    String id = identity.lookup(identifiers.get(0)).orElse(null);
                    if (id == null) {
                        id = identity.create(null, null);
                    }
                    for (Identifier identifier : identifiers) {
                        if (identity.lookup(identifier).isEmpty()) {
                            identity.link(id, identifier);
                        }
                    }
                    ids.put(subject.member(), id);
                }
            });
        }
        return ids;
    }

    /** Profiles go in once the subjects are committed (the profile API wants active subjects), batched. */
    private void writeProfiles(List<DemoPlan.Subject> subjects, Map<String, String> ids) {
        for (List<DemoPlan.Subject> chunk : chunks(subjects, SUBJECTS_PER_TRANSACTION)) {
            tx.executeWithoutResult(s -> chunk.forEach(subject ->
                    profiles.replace(ids.get(subject.member()), subject.profile())));
        }
    }

    private int writeEvents(List<ConsentEventBody> events, Map<String, String> ids) {
        int written = 0;
        for (List<ConsentEventBody> chunk : chunks(events, BATCH)) {
            List<ConsentEventBody> batch = new ArrayList<>(chunk.size());
            for (ConsentEventBody e : chunk) {
                batch.add(new ConsentEventBody(new ConsentEventBody.SubjectRef(ids.get(DemoPlan.memberOf(e)), null),
                        e.purpose(), e.channel(), e.action(), e.noticeVersion(), e.touchpoint(), e.capturedAt(),
                        e.actor(), e.evidence()));
            }
            written += ledger.record(batch, null, null).receipts().size();
        }
        return written;
    }

    private static long millis(long nanos) {
        return nanos / 1_000_000;
    }

    private static Identifier parse(RawIdentifier raw) {
        return IdentityService.parse(raw.type(), raw.value());
    }

    private static <T> List<List<T>> chunks(List<T> list, int size) {
        List<List<T>> chunks = new ArrayList<>();
        for (int from = 0; from < list.size(); from += size) {
            chunks.add(list.subList(from, Math.min(list.size(), from + size)));
        }
        return chunks;
    }
}
