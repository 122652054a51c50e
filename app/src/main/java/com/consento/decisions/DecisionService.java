package com.consento.decisions;

import com.consento.catalog.CatalogService;
import com.consento.identity.IdentityService;
import com.consento.identity.SubjectIds;
import com.consento.ledger.ConsentChangeListener;
import com.consento.ledger.ConsentChanged;
import com.consento.ledger.LedgerService;
import com.consento.shared.Channel;
import java.time.Clock;
import java.util.List;
import org.roaringbitmap.RoaringBitmap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Service;

/**
 * The decision API: resolves the subject and purpose from memory and asks the index. Listens to the ledger
 * and rebuilds the index from the state table before the server accepts requests.
 */
@Service
public class DecisionService implements ConsentChangeListener, SmartInitializingSingleton {
    private static final Logger log = LoggerFactory.getLogger(DecisionService.class);
    private final DecisionIndex index;
    private final IdentityService identity;
    private final CatalogService catalog;
    private final LedgerService ledger;
    private final Clock clock;
    private final org.springframework.beans.factory.ObjectProvider<DecisionListener> listeners;
    /** Listeners hear of changes, not of the start-up rebuild; null until the rebuild is done. */
    private volatile java.util.List<DecisionListener> hearers;

    DecisionService(IdentityService identity, CatalogService catalog, LedgerService ledger, Clock clock,
                    org.springframework.beans.factory.ObjectProvider<DecisionListener> listeners) {
        this.listeners = listeners;
        this.identity = identity;
        this.catalog = catalog;
        this.ledger = ledger;
        this.clock = clock;
        this.index = new DecisionIndex(identity.directory());
    }

    @Override
    public void afterSingletonsInstantiated() {
        long start = System.nanoTime();
        long[] keys = {0};
        // Rows of our own state table: their subject ids were checked before they were written, so the rebuild
        // goes through consentChanged, without the HMAC check (which cost 3.6x the whole rebuild); listeners are
        // not told, as they are resolved only below.
        ledger.replayState(change -> {
            consentChanged(change);
            keys[0]++;
        });
        // resolved once: ObjectProvider.forEach looks the beans up again on every call, on the ingest path
        hearers = listeners.orderedStream().toList();
        log.info("Decision index rebuilt: {} consent keys in {} ms", keys[0], (System.nanoTime() - start) / 1_000_000);
    }

    /** A change this node's ledger just committed: its subject id was formatted here, no check needed. */
    @Override
    public void consentChanged(ConsentChanged change) {
        long subject = SubjectIds.parseTrusted(change.subjectId());
        apply(subject <= Integer.MAX_VALUE ? (int) subject : -1, change);
    }

    /** A change another node committed, as read from the cluster topic: its subject id is checked. */
    public void remoteChange(ConsentChanged change) {
        apply(identity.indexOf(change.subjectId()), change);
    }

    private void apply(int subject, ConsentChanged change) {
        if (subject >= 0) {
            index.apply(subject, change);
            java.util.List<DecisionListener> ready = hearers;
            if (ready != null) {
                ready.forEach(l -> l.decisionChanged(change.subjectId(), change.purpose(), change.channel()));
            }
        }
    }

    /** {@code subject} is a subject id or {@code type:value}; {@code channel} may be null or empty. */
    public Decision decide(String subject, String purpose, String channel) {
        return decide(identity.resolve(subject), purpose, channel, clock.millis());
    }

    /** A batch, answered at one moment; each distinct subject is resolved once. */
    List<Decision> decideAll(List<BatchCodec.Check> checks) {
        long at = clock.millis();
        java.util.Map<String, Integer> subjects = new java.util.HashMap<>();
        List<Decision> results = new java.util.ArrayList<>(checks.size());
        for (BatchCodec.Check c : checks) {
            int subject = subjects.computeIfAbsent(c.subject(), identity::resolve);
            results.add(decide(subject, c.purpose(), c.channel(), at));
        }
        return results;
    }

    public Decision decide(int subject, String purpose, String channel, long at) {
        Channel c = channel == null || channel.isEmpty() ? null : Channel.ofCode(channel);
        if (c == null && channel != null && !channel.isEmpty()) {
            return Decision.NO_CONSENT;
        }
        return index.decide(subject, purpose, catalog.snapshot().terms(purpose), c, at);
    }

    /**
     * Of {@code candidates} (dense subject indexes), those whose decision allows now-or-{@code at}: the consent
     * gate of audiences and ad-platform exports, the same rule as {@link #decide} for each person. An unknown
     * purpose or channel allows nobody.
     */
    public RoaringBitmap allowed(String purpose, String channel, long at, RoaringBitmap candidates) {
        Channel c = channel == null || channel.isEmpty() ? null : Channel.ofCode(channel);
        if (c == null && channel != null && !channel.isEmpty()) {
            return new RoaringBitmap();
        }
        return index.allowed(purpose, catalog.snapshot().terms(purpose), c, at, candidates);
    }

    /** Forgets a subject's consent state in memory (after erasure). */
    public void forget(int subject) {
        index.clear(subject);
    }

    public DecisionIndex index() {
        return index;
    }
}
