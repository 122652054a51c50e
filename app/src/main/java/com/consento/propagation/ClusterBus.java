package com.consento.propagation;

import com.consento.decisions.DecisionService;
import com.consento.identity.IdentityService;
import com.consento.ledger.ConsentChanged;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Cluster mode ({@code CONSENTO_KAFKA_BOOTSTRAP} set): the relay publishes changes to the topic
 * {@code consento.consent-changes} keyed by subject, and every node reads the whole topic to keep its own
 * decision index current. Without the setting nothing here touches Kafka.
 *
 * <p>Each node reads every partition itself (no consumer-group coordination: no rebalance pauses), from the
 * end of the topic as it was before the index was rebuilt at start-up, so nothing committed in between is
 * missed. Changes arrive in commit order per subject; this node's own writes are protected from older
 * changes still in flight by {@link LocalWrites}, and a change delivered again (Kafka delivers at least once),
 * or after a newer one of its key, is skipped by {@link AppliedChanges}.
 */
@Component
class ClusterBus implements SmartInitializingSingleton, SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(ClusterBus.class);
    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(10);
    /** Consent keys remembered against copies and older changes from the topic: about 30 MB when full. */
    private static final int REMEMBERED_KEYS = 200_000;
    private final boolean enabled;
    private final String topic;
    private final NodeId node;
    private final DecisionService decisions;
    private final IdentityService identity;
    private final LocalWrites localWrites;
    private final OutboxStore outbox;
    private final JsonMapper json;
    private final Clock clock;
    private final ObjectProvider<MeterRegistry> meters;
    private final long startedAt;
    private final String bootstrap;
    private final int partitionsToCreate;
    private KafkaProducer<String, String> producer;
    private KafkaConsumer<String, String> consumer;
    private volatile boolean positioned;
    private volatile int topicPartitions;
    private volatile boolean running;
    private Thread thread;
    private final AppliedChanges applied = new AppliedChanges(REMEMBERED_KEYS);
    private Timer lag;
    private Counter duplicates;

    ClusterBus(@Value("${consento.kafka.bootstrap:}") String bootstrap,
               @Value("${consento.kafka.topic:consento.consent-changes}") String topic,
               @Value("${consento.kafka.partitions:16}") int partitions,
               NodeId node, DecisionService decisions, IdentityService identity, LocalWrites localWrites,
               OutboxStore outbox, JsonMapper json, Clock clock, ObjectProvider<MeterRegistry> meters) {
        this.enabled = bootstrap != null && !bootstrap.isBlank();
        this.topic = topic;
        this.node = node;
        this.decisions = decisions;
        this.identity = identity;
        this.localWrites = localWrites;
        this.outbox = outbox;
        this.json = json;
        this.clock = clock;
        this.meters = meters;
        this.startedAt = clock.millis();
        this.bootstrap = bootstrap == null ? "" : bootstrap.trim();
        this.partitionsToCreate = partitions;
        if (!enabled) {
            return;
        }
        producer = new KafkaProducer<>(producerConfig(bootstrap.trim()));
        consumer = new KafkaConsumer<>(consumerConfig(bootstrap.trim()));
        // before the decision index is rebuilt (after all singletons exist): remember where the topic ends now
        try {
            ensureTopic(bootstrap.trim(), partitions);
            consumer.assign(partitions());
            consumer.seekToEnd(consumer.assignment());
            consumer.assignment().forEach(tp -> consumer.position(tp, STARTUP_TIMEOUT));
            positioned = true;
            log.info("Cluster mode: node {} reads {} ({} partitions) at {}", node, topic, consumer.assignment().size(),
                    bootstrap.trim());
        } catch (RuntimeException e) {
            log.warn("Cluster mode: Kafka at {} is not reachable yet ({}); changes wait in the outbox and this node "
                    + "catches up from its start time once it is", bootstrap.trim(), Relay.rootMessage(e));
        }
    }

    boolean enabled() {
        return enabled;
    }

    /** The topic exists and this node reads it: the relay may publish (or it would let Kafka create the topic). */
    boolean ready() {
        return enabled && positioned;
    }

    @Override
    public void afterSingletonsInstantiated() {
        if (enabled) {
            // the first node in cluster mode starts the topic's cursors at the current outbox heads
            outbox.ensureCursors(OutboxStore.KAFKA, clock.millis());
            MeterRegistry registry = meters.getIfAvailable();
            if (registry != null) {
                lag = Timer.builder("consento.propagation.remote.lag")
                        .description("commit on another node to applied on this one").publishPercentiles(0.5, 0.99)
                        .register(registry);
                duplicates = Counter.builder("consento.propagation.remote.duplicates")
                        .description("changes read again from the topic, or after a newer one of their key: skipped")
                        .register(registry);
            }
        }
    }

    /**
     * Publishes one change keyed by its subject, to the partition of its shard (= the subject's ledger
     * partition, modulo the topic's partitions): a subject's changes stay in one partition, in order.
     */
    Future<RecordMetadata> send(int shard, String subjectId, String value) {
        if (!enabled) {
            return CompletableFuture.failedFuture(new IllegalStateException("not in cluster mode"));
        }
        int partitions = topicPartitions;
        if (partitions <= 0) {
            partitions = producer.partitionsFor(topic).size();
            topicPartitions = partitions;
        }
        return producer.send(new ProducerRecord<>(topic, shard % partitions, subjectId == null ? "" : subjectId,
                value));
    }

    void flush() {
        if (enabled) {
            producer.flush();
        }
    }

    @Override
    public synchronized void start() {
        if (!enabled || running) {
            return;
        }
        running = true;
        thread = new Thread(this::consume, "consento-cluster-consumer");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public synchronized void stop() {
        if (!running) {
            return;
        }
        running = false;
        consumer.wakeup();
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        producer.close(Duration.ofSeconds(5));
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Stops after the relay, which publishes through this producer. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 200;
    }

    private void consume() {
        long checkPartitionsAt = 0;
        try {
            while (running) {
                try {
                    if (!positioned) {
                        catchUpFrom(startedAt - 60_000);
                    }
                    if (clock.millis() >= checkPartitionsAt) {
                        checkPartitionsAt = clock.millis() + 30_000;
                        addNewPartitions();
                        topicPartitions = consumer.assignment().size();
                    }
                    for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                        handle(r.value());
                        if (log.isDebugEnabled()) {
                            log.debug("applied {}: sent {} ms after commit, received {} ms after send",
                                    r.key(), r.timestamp() - Envelopes.parse(r.value(), json).occurredAt(),
                                    clock.millis() - r.timestamp());
                        }
                    }
                } catch (WakeupException e) {
                    throw e;
                } catch (RuntimeException e) {
                    if (running) {
                        log.warn("cluster consumer: {}; retrying", Relay.rootMessage(e));
                        sleep(1_000);
                    }
                }
            }
        } catch (WakeupException e) {
            // stopping
        } finally {
            consumer.close(Duration.ofSeconds(5));
        }
    }

    /** Kafka was unreachable at start-up: read from shortly before this node started. */
    private void catchUpFrom(long timestamp) {
        ensureTopic(bootstrap, partitionsToCreate);
        consumer.assign(partitions());
        Map<TopicPartition, Long> query = new HashMap<>();
        consumer.assignment().forEach(tp -> query.put(tp, timestamp));
        Map<TopicPartition, OffsetAndTimestamp> found = consumer.offsetsForTimes(query, STARTUP_TIMEOUT);
        for (TopicPartition tp : consumer.assignment()) {
            OffsetAndTimestamp at = found.get(tp);
            if (at == null) {
                consumer.seekToEnd(List.of(tp));
            } else {
                consumer.seek(tp, at.offset());
            }
        }
        positioned = true;
        log.info("cluster consumer: reading {} from {}", topic, java.time.Instant.ofEpochMilli(timestamp));
    }

    /** Partitions added to the topic later are read from their beginning. */
    private void addNewPartitions() {
        Set<TopicPartition> all = new HashSet<>(partitions());
        Set<TopicPartition> current = consumer.assignment();
        if (!current.containsAll(all)) {
            Set<TopicPartition> added = new HashSet<>(all);
            added.removeAll(current);
            consumer.assign(all);
            consumer.seekToBeginning(added);
        }
    }

    void handle(String value) {
        Envelopes.Received m;
        try {
            m = Envelopes.parse(value, json);
        } catch (RuntimeException e) {
            log.warn("cluster consumer: skipping an unreadable message: {}", Relay.rootMessage(e));
            return;
        }
        switch (m.type()) {
            case Outbox.CONSENT_CHANGED -> {
                ConsentChanged change = Outbox.consentChange(m.subjectId(), m.data());
                String key = LocalWrites.key(change.subjectId(), change.purpose(), change.channel());
                if (!applied.isNew(key, m.seq())) {
                    // delivered again (at least once), or older than what this key already has: applying it
                    // would set the key back
                    if (duplicates != null) {
                        duplicates.increment();
                    }
                    return;
                }
                if (identity.directory().status(identity.indexOf(change.subjectId()))
                        == com.consento.identity.SubjectDirectory.UNKNOWN) {
                    // a subject created on another node since this one started
                    identity.refreshSubject(change.subjectId());
                }
                localWrites.applyRemote(key, m.seq(), () -> decisions.remoteChange(change));
            }
            case Outbox.SUBJECT_MERGED, Outbox.SUBJECT_CORRECTED -> {
                identity.refreshSubject(m.subjectId());
                tools.jackson.databind.JsonNode merged = m.data() == null ? null : m.data().get("merged");
                if (merged != null && !merged.isNull()) {
                    identity.refreshSubject(merged.asString());
                }
            }
            case Outbox.SUBJECT_ERASED -> {
                identity.refreshSubject(m.subjectId());
                int index = identity.indexOf(m.subjectId());
                if (index >= 0) {
                    decisions.forget(index);
                }
            }
            default -> {
                // subject.merged, request.updated: nothing in this node's memory depends on them yet
            }
        }
        if (lag != null && !node.id().equals(m.origin())) {
            lag.record(Math.max(0, clock.millis() - m.occurredAt()), TimeUnit.MILLISECONDS);
        }
    }

    private List<TopicPartition> partitions() {
        List<PartitionInfo> infos = consumer.partitionsFor(topic, STARTUP_TIMEOUT);
        if (infos == null || infos.isEmpty()) {
            throw new IllegalStateException("topic " + topic + " has no partitions yet");
        }
        return infos.stream().map(p -> new TopicPartition(p.topic(), p.partition())).toList();
    }

    private void ensureTopic(String bootstrap, int partitions) {
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) STARTUP_TIMEOUT.toMillis());
        p.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) STARTUP_TIMEOUT.toMillis());
        p.put(AdminClientConfig.CLIENT_ID_CONFIG, "consento-admin-" + node.id());
        try (Admin admin = Admin.create(p)) {
            admin.createTopics(List.of(new NewTopic(topic, Optional.of(partitions), Optional.empty()))).all()
                    .get(STARTUP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            log.info("Cluster mode: created topic {} with {} partitions", topic, partitions);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("cannot create topic " + topic, e.getCause());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("no answer from Kafka at " + bootstrap, e);
        }
    }

    private Properties producerConfig(String bootstrap) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.CLIENT_ID_CONFIG, "consento-" + node.id());
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        p.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        p.put(ProducerConfig.LINGER_MS_CONFIG, 1);
        p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 5_000);
        p.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
        p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 10_000);
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        return p;
    }

    private Properties consumerConfig(String bootstrap) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.CLIENT_ID_CONFIG, "consento-" + node.id());
        // every node reads everything: a group of its own, never committed, positioned explicitly
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "consento-" + node.id());
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
        p.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 100);
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        return p;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
