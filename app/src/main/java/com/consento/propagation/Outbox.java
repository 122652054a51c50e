package com.consento.propagation;

import com.consento.identity.AfterCommit;
import com.consento.ledger.Action;
import com.consento.ledger.ConsentChanged;
import com.consento.ledger.TransactionalConsentListener;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The outbox: every committed change, written in the same transaction as the change, for the relay to deliver
 * at least once to webhooks and (cluster mode) to Kafka. The ledger's consent changes arrive through
 * {@link TransactionalConsentListener}; other capabilities call {@link #publish}.
 */
@Service
public class Outbox implements TransactionalConsentListener {
    public static final String CONSENT_CHANGED = "consent.changed";
    public static final String SUBJECT_MERGED = "subject.merged";
    public static final String SUBJECT_ERASED = "subject.erased";
    public static final String REQUEST_UPDATED = "request.updated";
    /** A profile or identifier was corrected (PIPL-46); the payload names what, never the values. */
    public static final String SUBJECT_CORRECTED = "subject.corrected";
    /** Every event type a webhook may subscribe to. */
    public static final Set<String> TYPES = Set.of(CONSENT_CHANGED, SUBJECT_MERGED, SUBJECT_ERASED, REQUEST_UPDATED,
            SUBJECT_CORRECTED);

    private final OutboxStore store;
    private final NodeId node;
    private final RelaySignal signal;
    private final LocalWrites localWrites;
    private final TransactionTemplate tx;
    private final JsonMapper json;
    private final Clock clock;

    Outbox(OutboxStore store, NodeId node, RelaySignal signal, LocalWrites localWrites, TransactionTemplate tx,
           JsonMapper json, Clock clock) {
        this.store = store;
        this.node = node;
        this.signal = signal;
        this.localWrites = localWrites;
        this.tx = tx;
        this.json = json;
        this.clock = clock;
    }

    /**
     * Records a change of {@code type} (one of {@link #TYPES}) about a subject (may be null), to be delivered
     * once the caller's transaction commits, and never if it rolls back. Call it inside the transaction that
     * makes the change, as its last write (it briefly locks the subject's outbox shard until the commit); without
     * a transaction it runs in its own. {@code payload} becomes the {@code data} of the event and must be
     * JSON-serialisable; it must not carry raw identifiers (phone, e-mail): receivers get subject ids.
     */
    public void publish(String type, String subjectId, Map<String, Object> payload) {
        if (!TYPES.contains(type)) {
            throw new IllegalArgumentException("unknown change type '" + type + "': one of " + TYPES);
        }
        String data = json.writeValueAsString(payload == null ? Map.of() : payload);
        List<Pending> rows = List.of(new Pending(type, subjectId, data, null));
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            write(rows);
        } else {
            tx.executeWithoutResult(s -> write(rows));
        }
    }

    @Override
    public void inTransaction(List<ConsentChanged> changes) {
        if (changes.isEmpty()) {
            return;
        }
        List<Pending> rows = new ArrayList<>(changes.size());
        for (ConsentChanged c : changes) {
            rows.add(new Pending(CONSENT_CHANGED, c.subjectId(), json.writeValueAsString(consentData(c)),
                    LocalWrites.key(c.subjectId(), c.purpose(), c.channel())));
        }
        write(rows);
    }

    private record Pending(String type, String subjectId, String payload, String consentKey) {
    }

    private void write(List<Pending> pending) {
        int[] counts = new int[OutboxStore.SHARDS];
        int[] shards = new int[pending.size()];
        for (int i = 0; i < pending.size(); i++) {
            shards[i] = OutboxStore.shard(pending.get(i).subjectId());
            counts[shards[i]]++;
        }
        Map<Integer, Long> last = store.reserve(counts);
        long[] next = new long[OutboxStore.SHARDS];
        last.forEach((shard, seq) -> next[shard] = seq - counts[shard] + 1);
        long now = clock.millis();
        List<OutboxStore.Row> rows = new ArrayList<>(pending.size());
        List<LocalWrites.Write> local = localWrites.enabled() ? new ArrayList<>() : null;
        for (int i = 0; i < pending.size(); i++) {
            Pending p = pending.get(i);
            int shard = shards[i];
            long seq = next[shard]++;
            rows.add(new OutboxStore.Row(OutboxStore.id(shard, seq), shard, seq, p.type(), p.subjectId(), p.payload(),
                    node.id(), now));
            if (local != null && p.consentKey() != null) {
                local.add(new LocalWrites.Write(p.consentKey(), seq));
            }
        }
        store.insert(rows);
        if (local != null && !local.isEmpty()) {
            // registered before the ledger's own after-commit hook, which applies the change to this node's index
            AfterCommit.run(() -> localWrites.record(local));
        }
        AfterCommit.run(signal::wake);
    }

    /** The {@code data} of a {@code consent.changed} event: the key's new winning action and its evidence. */
    static Map<String, Object> consentData(ConsentChanged c) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("purpose", c.purpose());
        if (c.channel() != null && !c.channel().isEmpty()) {
            data.put("channel", c.channel());
        }
        data.put("action", c.action().name());
        data.put("capturedAt", Instant.ofEpochMilli(c.capturedAt()).toString());
        data.put("noticeSequence", c.noticeSequence());
        data.put("guardian", c.guardian());
        data.put("eventId", Long.toString(c.eventId()));
        return data;
    }

    /** The change a {@code consent.changed} event carries, as another node receives it. */
    static ConsentChanged consentChange(String subjectId, JsonNode data) {
        JsonNode channel = data.get("channel");
        return new ConsentChanged(subjectId, data.get("purpose").asString(),
                channel == null || channel.isNull() ? "" : channel.asString(),
                Action.valueOf(data.get("action").asString()),
                Instant.parse(data.get("capturedAt").asString()).toEpochMilli(), data.get("noticeSequence").asLong(),
                data.get("guardian").asBoolean(), Long.parseLong(data.get("eventId").asString()));
    }

    /** Validates a type list for a subscription; problems point at {@code /events/i}. */
    static void checkTypes(List<String> types, com.consento.shared.Problems problems) {
        if (types == null || types.isEmpty()) {
            problems.add("/events", "name at least one event type: " + String.join(", ", sortedTypes()));
            return;
        }
        for (int i = 0; i < types.size(); i++) {
            problems.require(types.get(i) != null && TYPES.contains(types.get(i)), "/events/" + i,
                    "unknown event type '" + types.get(i) + "': one of " + String.join(", ", sortedTypes()));
        }
    }

    static List<String> sortedTypes() {
        return TYPES.stream().sorted().toList();
    }
}
