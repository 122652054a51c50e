package com.consento.propagation;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * The relay's Kafka half (cluster mode): publishes the outbox shards this node can lock, in sequence order, and
 * moves their cursors on once Kafka has acknowledged every record. Run by {@link Relay} on a thread of its own:
 * while Kafka is down an attempt waits up to the producer's time-outs (5 s for metadata, 10 s for delivery), and
 * webhooks must not wait behind it. Nothing is lost while Kafka is down: the cursors stay, and the changes wait in
 * the outbox ({@link OutboxGauges} shows how many) until an attempt succeeds; attempts back off to every 5 s.
 */
@Component
class KafkaPublisher {
    private static final Logger log = LoggerFactory.getLogger(KafkaPublisher.class);
    private static final long FIRST_BACKOFF_MILLIS = 250;
    private static final long MAX_BACKOFF_MILLIS = 5_000;
    private final OutboxStore outbox;
    private final ClusterBus bus;
    private final TransactionTemplate tx;
    private final JsonMapper json;
    private final Clock clock;
    private final int batch;
    private long retryAt;
    private long backoff;

    KafkaPublisher(OutboxStore outbox, ClusterBus bus, TransactionTemplate tx, JsonMapper json, Clock clock,
                   @Value("${consento.outbox.batch-size:500}") int batch) {
        this.outbox = outbox;
        this.bus = bus;
        this.tx = tx;
        this.json = json;
        this.clock = clock;
        this.batch = Math.max(1, batch);
    }

    boolean enabled() {
        return bus.enabled();
    }

    /** One attempt, unless backing off after a failure; returns whether more is waiting at once. */
    boolean pass() {
        if (!bus.ready() || clock.millis() < retryAt) {
            return false;
        }
        try {
            boolean more = publish();
            if (backoff > 0) {
                log.info("Kafka publish works again; the outbox drains");
            }
            backoff = 0;
            return more;
        } catch (RuntimeException e) {
            if (Thread.currentThread().isInterrupted()) {
                return false; // stopping: the cursors stay, the next start publishes these
            }
            backoff = backoff == 0 ? FIRST_BACKOFF_MILLIS : Math.min(backoff * 2, MAX_BACKOFF_MILLIS);
            retryAt = clock.millis() + backoff;
            log.warn("Kafka publish failed, the outbox keeps the changes; retrying in {} ms: {}", backoff,
                    Relay.rootMessage(e));
            return false;
        }
    }

    private boolean publish() {
        List<Integer> behind = outbox.behind(outbox.heads(), OutboxStore.KAFKA);
        if (behind.isEmpty()) {
            return false;
        }
        // The cursors stay locked (FOR UPDATE SKIP LOCKED) until the records are acknowledged: one node at a time
        // publishes a shard. Ingest does not touch these rows, so a slow attempt holds up no writer.
        Boolean more = tx.execute(s -> {
            boolean full = false;
            Map<Integer, Long> reached = new HashMap<>();
            List<Future<RecordMetadata>> sent = new ArrayList<>();
            for (var cursor : outbox.lockCursors(OutboxStore.KAFKA, behind).entrySet()) {
                List<OutboxStore.Row> rows = outbox.after(cursor.getKey(), cursor.getValue(), batch);
                for (OutboxStore.Row row : rows) {
                    Future<RecordMetadata> f = bus.send(row.shard(), row.subjectId(), Envelopes.kafkaValue(row, json));
                    // A record the producer refused at once (no metadata within 5 s: Kafka is unreachable) fails
                    // the attempt now. Sending on would wait 5 s for each further row, and a later row could
                    // reach Kafka before this one is published again.
                    failedAtOnce(f);
                    sent.add(f);
                }
                if (!rows.isEmpty()) {
                    reached.put(cursor.getKey(), rows.get(rows.size() - 1).seq());
                }
                full |= rows.size() == batch;
            }
            bus.flush();
            for (Future<RecordMetadata> f : sent) {
                try {
                    f.get(15, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while publishing", e);
                } catch (Exception e) {
                    // the cursors stay where they were: these changes are published again, in order
                    throw new IllegalStateException("Kafka did not acknowledge: " + Relay.rootMessage(e), e);
                }
            }
            long now = clock.millis();
            reached.forEach((shard, seq) -> outbox.advance(OutboxStore.KAFKA, shard, seq, now));
            return full;
        });
        return Boolean.TRUE.equals(more);
    }

    private static void failedAtOnce(Future<RecordMetadata> f) {
        if (!f.isDone()) {
            return;
        }
        try {
            f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while publishing", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Kafka refused a record: " + Relay.rootMessage(e), e);
        }
    }
}
