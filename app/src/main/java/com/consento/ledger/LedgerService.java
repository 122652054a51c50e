package com.consento.ledger;

import com.consento.catalog.Catalog;
import com.consento.catalog.CatalogService;
import com.consento.identity.AfterCommit;
import com.consento.identity.IdentityService;
import com.consento.identity.SubjectBatch;
import com.consento.shared.Conflict;
import com.consento.shared.NotFound;
import com.consento.shared.Problems;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.locks.ReentrantLock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Records batches of consent events: all or nothing, in one transaction, chained and state-updated; a 2xx
 * follows only a commit. Listeners hear of each changed key after the commit.
 */
@Service
public class LedgerService {
    static final int PARTITIONS = 16;
    private final LedgerStore store;
    private final IdempotencyStore idempotency;
    private final CatalogService catalog;
    private final IdentityService identity;
    private final com.consento.identity.SubjectResolver resolver;
    private final ObjectProvider<ConsentChangeListener> listeners;
    private final ObjectProvider<TransactionalConsentListener> transactionalListeners;
    private final TransactionTemplate tx;
    private final JsonMapper json;
    private final Clock clock;
    private final ReentrantLock writer = new ReentrantLock();

    LedgerService(LedgerStore store, IdempotencyStore idempotency, CatalogService catalog, IdentityService identity,
                  com.consento.identity.SubjectResolver resolver,
                  ObjectProvider<ConsentChangeListener> listeners,
                  ObjectProvider<TransactionalConsentListener> transactionalListeners, TransactionTemplate tx,
                  JsonMapper json, Clock clock) {
        this.store = store;
        this.idempotency = idempotency;
        this.catalog = catalog;
        this.identity = identity;
        this.resolver = resolver;
        this.listeners = listeners;
        this.transactionalListeners = transactionalListeners;
        this.tx = tx;
        this.json = json;
        this.clock = clock;
    }

    /** The outcome of a batch: its receipts, and whether they were replayed for a repeated Idempotency-Key. */
    public record Recorded(List<Receipt> receipts, boolean replayed) {
    }

    public Recorded record(List<ConsentEventBody> batch, String idempotencyScope, String requestHash) {
        Catalog snapshot = catalog.snapshot();
        long now = clock.millis();
        Problems problems = new Problems();
        List<ValidEvent> valid = EventValidator.validate(batch, snapshot, now, problems);
        List<String> named = survivors(valid, problems);
        problems.throwIfAny();
        Prepared prepared = prepare(valid, named, null);
        return write(() -> {
            if (idempotencyScope != null) {
                var prior = idempotency.find(idempotencyScope);
                if (prior.isPresent()) {
                    if (!prior.get().requestHash().equals(requestHash)) {
                        throw new Conflict("idempotency-key-reused",
                                "this Idempotency-Key was used for a different request");
                    }
                    return new Recorded(prior.get().receipts(), true);
                }
            }
            List<Receipt> receipts = append(valid, prepared, clock.millis());
            if (idempotencyScope != null) {
                idempotency.save(idempotencyScope, requestHash, receipts, now);
            }
            return new Recorded(receipts, false);
        });
    }

    /** Runs a write in one transaction, one writer at a time on this node (rows locks order the nodes). */
    <T> T write(java.util.function.Supplier<T> work) {
        writer.lock();
        try {
            return tx.execute(s -> work.get());
        } finally {
            writer.unlock();
        }
    }

    /** A batch's subjects and its sealed personal data, worked out before the writer lock. */
    private record Prepared(List<String> named, SubjectBatch subjects, List<String> guardians, List<String> evidence) {
    }

    /**
     * For each event named by subject id, the active subject it stands for (the survivor of a merge); null for
     * events named by identifiers. An unknown or erased id is reported under its pointer, or thrown at once
     * without {@code problems} (inside the writer, where the caller already answered for the ids).
     */
    private List<String> survivors(List<ValidEvent> valid, Problems problems) {
        List<String> ids = new ArrayList<>(valid.size());
        for (int i = 0; i < valid.size(); i++) {
            String id = valid.get(i).subjectId();
            try {
                ids.add(id == null ? null : identity.requireActive(id));
            } catch (NotFound e) {
                if (problems == null) {
                    throw e;
                }
                problems.add("/events/" + i + "/subject/id", e.getMessage());
                ids.add(null);
            }
        }
        return ids;
    }

    /** The costly part of a batch (hashing identifiers, data keys, AES-GCM) runs here, outside the writer lock. */
    private Prepared prepare(List<ValidEvent> valid, List<String> named, Prepared previous) {
        List<List<com.consento.identity.Identifier>> people = new ArrayList<>(valid.size());
        valid.forEach(v -> people.add(v.subjectId() == null ? v.identifiers() : null));
        SubjectBatch before = previous == null ? null : previous.subjects();
        SubjectBatch subjects = resolver.prepare(named, people, before);
        List<String> guardians = new ArrayList<>(valid.size());
        List<String> evidence = new ArrayList<>(valid.size());
        for (int i = 0; i < valid.size(); i++) {
            boolean same = subjects.sameKey(i, before);
            guardians.add(same ? previous.guardians().get(i) : seal(subjects, i, valid.get(i).guardian()));
            evidence.add(same ? previous.evidence().get(i) : seal(subjects, i, valid.get(i).evidence()));
        }
        return new Prepared(named, subjects, guardians, evidence);
    }

    /** Within the transaction: chains, inserts and folds the events into the state table. */
    List<Receipt> append(List<ValidEvent> valid, long recordedAt) {
        return append(valid, prepare(valid, survivors(valid, null), null), recordedAt);
    }

    private List<Receipt> append(List<ValidEvent> valid, Prepared prepared, long recordedAt) {
        List<String> named = survivors(valid, null);
        if (!named.equals(prepared.named()) || !resolver.isCurrent(prepared.subjects())) {
            // another writer linked, merged or erased one of these subjects meanwhile: work them out again, locked
            prepared = prepare(valid, named, prepared);
        }
        List<String> subjects = resolver.commit(prepared.subjects());
        TreeSet<Integer> parts = new TreeSet<>();
        subjects.forEach(id -> parts.add(partition(id)));
        Map<Integer, LedgerStore.Head> heads = new HashMap<>(store.lockHeads(parts));
        List<RecordedEvent> events = new ArrayList<>(valid.size());
        for (int i = 0; i < valid.size(); i++) {
            ValidEvent v = valid.get(i);
            String subjectId = subjects.get(i);
            LedgerStore.Head head = heads.get(partition(subjectId));
            long seq = head.lastSeq() + 1;
            RecordedEvent unsigned = new RecordedEvent(seq * PARTITIONS + head.part(), head.part(), seq, subjectId,
                    v.purpose(), v.channel(), v.action(), v.noticeVersion(), v.touchpoint(), v.capturedAt(),
                    recordedAt, v.actorType(), prepared.guardians().get(i), prepared.evidence().get(i),
                    head.hash(), null);
            RecordedEvent e = withHash(unsigned);
            heads.put(head.part(), new LedgerStore.Head(head.part(), e.hash(), seq));
            events.add(e);
        }
        store.insert(events);
        store.updateHeads(heads.values());
        announce(fold(events, valid));
        return events.stream().map(e -> new Receipt(Long.toString(e.id()), e.subjectId(), e.receiptId(), e.hash()))
                .toList();
    }

    private List<ConsentChanged> fold(List<RecordedEvent> events, List<ValidEvent> valid) {
        Map<StateReplay.Key, StateRow> current = new LinkedHashMap<>();
        Map<StateReplay.Key, StateRow> changed = new LinkedHashMap<>();
        Map<StateReplay.Key, StateRow> stored = store.states(events.stream().map(RecordedEvent::subjectId)
                .collect(java.util.stream.Collectors.toSet()));
        for (int i = 0; i < events.size(); i++) {
            RecordedEvent e = events.get(i);
            if (!e.action().consent()) {
                continue;
            }
            var key = new StateReplay.Key(e.subjectId() + "\u001f" + e.purpose(), e.channel());
            StateRow before = current.containsKey(key) ? current.get(key) : stored.get(key);
            StateRow candidate = StateRow.of(e, valid.get(i).noticeSequence());
            if (candidate.supersedes(before)) {
                current.put(key, candidate);
                changed.put(key, candidate);
            } else {
                current.put(key, before);
            }
        }
        store.upsert(changed.values());
        return changed.values().stream().map(StateRow::change).toList();
    }

    /** Within the transaction: tells the in-transaction listeners now and the others after commit. */
    void announce(List<ConsentChanged> changes) {
        transactionalListeners.forEach(l -> l.inTransaction(changes));
        // resolved once a batch: ObjectProvider.forEach looks the beans up again on every call
        List<ConsentChangeListener> hearers = listeners.orderedStream().toList();
        AfterCommit.run(() -> changes.forEach(c -> hearers.forEach(l -> l.consentChanged(c))));
    }

    private String seal(SubjectBatch subjects, int entry, Object value) {
        if (value == null || (value instanceof Map<?, ?> m && m.isEmpty())) {
            return null;
        }
        return subjects.seal(entry, json.writeValueAsString(value));
    }

    static RecordedEvent withHash(RecordedEvent e) {
        return new RecordedEvent(e.id(), e.part(), e.seq(), e.subjectId(), e.purpose(), e.channel(), e.action(),
                e.noticeVersion(), e.touchpoint(), e.capturedAt(), e.recordedAt(), e.actorType(), e.actorEnc(),
                e.evidenceEnc(), e.prevHash(), HashChain.hash(e.prevHash(), e));
    }

    static int partition(String subjectId) {
        return Math.floorMod(subjectId.hashCode(), PARTITIONS);
    }

    /** Streams every key's current state to a listener, e.g. to rebuild an index at start-up. */
    public void replayState(ConsentChangeListener listener) {
        store.forEachState(row -> listener.consentChanged(row.change()));
    }
}
