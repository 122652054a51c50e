package com.consento.signals;

import com.consento.decisions.Decision;
import com.consento.decisions.DecisionService;
import com.consento.identity.IdentityService;
import com.consento.shared.InvalidRequest;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The signals API: records orders (idempotent by order id; purchase history is kept under the contract
 * basis) and browsing events (kept only when the decision for the browsing purpose allows), and answers
 * what is known about a subject. Memory is rebuilt from the order table before the server takes requests.
 */
@Service
public class SignalService implements SmartInitializingSingleton {
    private static final Logger log = LoggerFactory.getLogger(SignalService.class);
    private final OrderStore store;
    private final CustomerFacts facts;
    private final IdentityService identity;
    private final DecisionService decisions;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final String browsingPurpose;

    SignalService(OrderStore store, CustomerFacts facts, IdentityService identity, DecisionService decisions,
                  TransactionTemplate tx, Clock clock,
                  @Value("${consento.purposes.browsing-history:browsing_history}") String browsingPurpose) {
        this.store = store;
        this.facts = facts;
        this.identity = identity;
        this.decisions = decisions;
        this.tx = tx;
        this.clock = clock;
        this.browsingPurpose = browsingPurpose;
    }

    /** The outcome of recording an order: {@code created} is false when the order id was already known. */
    public record Recorded(String orderId, String subjectId, boolean created) {
    }

    /** Records an order whose {@code subjectId} is a reference: a subject id or {@code type:value}. */
    public Recorded recordOrder(Order order) {
        record Outcome(String subjectId, boolean created) {
        }
        Outcome outcome = tx.execute(s -> {
            Optional<String> known = store.subjectOf(order.orderId());
            if (known.isPresent()) {
                return new Outcome(known.get(), false);
            }
            String subjectId = subjectFor(order.subjectId());
            store.insert(List.of(withSubject(order, subjectId)), "API", clock.millis());
            return new Outcome(subjectId, true);
        });
        if (outcome.created()) {
            facts.refreshProfile(outcome.subjectId());
            facts.addOrder(withSubject(order, outcome.subjectId()), true);
        }
        return new Recorded(order.orderId(), outcome.subjectId(), outcome.created());
    }

    /** Whether a browsing event was kept, and if not, the decision's reason. */
    public record Browse(boolean stored, String reason, String id) {
    }

    public Browse recordBrowse(String subject, String sku, String category, long occurredAt) {
        int index = identity.resolve(subject);
        if (index < 0) {
            return new Browse(false, "UNKNOWN_SUBJECT", null);
        }
        Decision decision = decisions.decide(index, browsingPurpose, null, clock.millis());
        if (!decision.allowed()) {
            return new Browse(false, decision.reason().name(), null);
        }
        String id = "brw_" + UUID.randomUUID().toString().replace("-", "");
        tx.executeWithoutResult(s -> store.insertBrowse(id, identity.idOf(index), sku, category, occurredAt,
                clock.millis()));
        return new Browse(true, decision.reason().name(), id);
    }

    /** Orders placed in [from, to], both included (for attribution). */
    public List<OrderTotal> ordersBetween(long from, long to) {
        return store.totalsBetween(from, to);
    }

    public List<Order> ordersOf(String subjectId) {
        return store.ordersOf(identity.requireActive(subjectId));
    }

    /** The derived attributes of a subject as of today, or an empty map when nothing is known. */
    public Map<String, Object> attributes(String subjectId) {
        int index = facts.subjectIndex(identity.requireActive(subjectId));
        return facts.attributes(index).map(a -> a.view(LocalDate.now(clock.withZone(ZoneOffset.UTC))))
                .orElse(Map.of());
    }

    /** Re-reads a subject's profile into its attributes (e.g. after the profile changed). */
    public void refreshProfile(String subjectId) {
        if (facts.refreshProfile(subjectId)) {
            facts.publish(facts.subjectIndex(subjectId));
        }
    }

    /** Within the caller's transaction: the subject an order reference names, created for a new identifier. */
    String subjectFor(String reference) {
        if (reference == null || reference.isBlank()) {
            throw new InvalidRequest("subject is required: a subject id or type:value, e.g. phone:+8613800138000",
                    "/subject");
        }
        if (identity.indexOf(reference) >= 0) {
            return identity.requireActive(reference);
        }
        int colon = reference.indexOf(':');
        if (colon <= 0) {
            throw new InvalidRequest("subject is a subject id or type:value, e.g. phone:+8613800138000", "/subject");
        }
        try {
            return identity.resolveOrCreate(List.of(IdentityService.parse(reference.substring(0, colon),
                    reference.substring(colon + 1))));
        } catch (IllegalArgumentException e) {
            throw new InvalidRequest(e.getMessage(), "/subject");
        }
    }

    static Order withSubject(Order o, String subjectId) {
        return new Order(o.orderId(), subjectId, o.placedAt(), o.lines());
    }

    @Override
    public void afterSingletonsInstantiated() {
        long start = clock.millis();
        long[] orders = {0};
        java.util.Set<String> subjects = new java.util.HashSet<>();
        store.forEachOrder(o -> {
            facts.addOrder(o, false);
            subjects.add(o.subjectId());
            orders[0]++;
        });
        subjects.forEach(facts::refreshProfile);
        facts.publishAll();
        log.info("Signals rebuilt: {} orders of {} subjects in {} ms", orders[0], subjects.size(),
                clock.millis() - start);
    }
}
