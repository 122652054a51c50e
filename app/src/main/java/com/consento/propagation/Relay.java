package com.consento.propagation;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * The relay: takes committed changes from the outbox and hands them on, at least once. Each pass (every
 * {@code consento.outbox.poll-interval}, or at once after a local commit) its webhook thread records finished
 * deliveries, fans new changes out into one delivery per subscribed webhook and sends the deliveries that are
 * due; in cluster mode a second thread publishes to Kafka ({@link KafkaPublisher}), so that a Kafka outage, whose
 * every attempt waits out the producer's time-outs, delays no webhook. Nodes share the work through row locks
 * (PostgreSQL {@code FOR UPDATE SKIP LOCKED}) on the shard cursors and on due deliveries; a delivery in flight is
 * leased, so a node that dies mid-send leaves it to be sent again. Nothing here runs on a request thread.
 */
@Component
class Relay implements SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(Relay.class);
    private final OutboxStore outbox;
    private final WebhookStore webhooks;
    private final WebhookSender sender;
    private final SecretBox secrets;
    private final KafkaPublisher kafka;
    private final RelaySignal.Waiter webhookWake;
    private final RelaySignal.Waiter kafkaWake;
    private final TransactionTemplate tx;
    private final JsonMapper json;
    private final Clock clock;
    private final ObjectProvider<MeterRegistry> meters;
    private final long pollMillis;
    private final int batch;
    private final long maxBackoffMillis;
    private final long leaseMillis;
    private final int maxInFlight;
    private final int maxInFlightPerWebhook;
    private final long retentionMillis;

    private final ConcurrentLinkedQueue<WebhookStore.Outcome> outcomes = new ConcurrentLinkedQueue<>();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final Map<String, AtomicInteger> inFlightByHook = new ConcurrentHashMap<>();
    private final Map<String, String> secretCache = new ConcurrentHashMap<>();
    private volatile boolean running;
    private Thread thread;
    private Thread kafkaThread;
    private long purgeAt;
    private long idleAdvanceAt;

    Relay(OutboxStore outbox, WebhookStore webhooks, WebhookSender sender, SecretBox secrets, KafkaPublisher kafka,
          RelaySignal signal, TransactionTemplate tx, JsonMapper json, Clock clock, ObjectProvider<MeterRegistry> meters,
          @Value("${consento.outbox.poll-interval:200ms}") Duration poll,
          @Value("${consento.outbox.batch-size:500}") int batch,
          @Value("${consento.outbox.retention:90d}") Duration retention,
          @Value("${consento.webhooks.max-backoff:10m}") Duration maxBackoff,
          @Value("${consento.webhooks.lease:30s}") Duration lease,
          @Value("${consento.webhooks.max-in-flight:256}") int maxInFlight,
          @Value("${consento.webhooks.max-in-flight-per-webhook:64}") int maxInFlightPerWebhook) {
        this.outbox = outbox;
        this.webhooks = webhooks;
        this.sender = sender;
        this.secrets = secrets;
        this.kafka = kafka;
        // one each, for the life of the bean: the loops are stopped and started again, the waiters stay
        this.webhookWake = signal.waiter();
        this.kafkaWake = signal.waiter();
        this.tx = tx;
        this.json = json;
        this.clock = clock;
        this.meters = meters;
        this.pollMillis = Math.max(10, poll.toMillis());
        this.batch = Math.max(1, batch);
        this.retentionMillis = retention.toMillis();
        this.maxBackoffMillis = maxBackoff.toMillis();
        this.leaseMillis = lease.toMillis();
        this.maxInFlight = maxInFlight;
        this.maxInFlightPerWebhook = maxInFlightPerWebhook;
    }

    @Override
    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        purgeAt = clock.millis() + 60_000;
        thread = new Thread(this::loop, "consento-relay");
        thread.setDaemon(true);
        thread.start();
        if (kafka.enabled()) {
            kafkaThread = new Thread(this::kafkaLoop, "consento-relay-kafka");
            kafkaThread.setDaemon(true);
            kafkaThread.start();
        }
    }

    @Override
    public synchronized void stop() {
        running = false;
        join(kafkaThread);
        kafkaThread = null;
        join(thread);
        thread = null;
    }

    private static void join(Thread t) {
        if (t != null) {
            t.interrupt();
            try {
                t.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Starts last and stops first: before the Kafka producer it publishes through, and the database. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 100;
    }

    private void loop() {
        while (running) {
            try {
                webhookWake.await(pollMillis);
            } catch (InterruptedException e) {
                break;
            }
            if (running) {
                pass();
            }
        }
        // what finished while stopping is recorded; what is still in flight is sent again after its lease
        step("recording outcomes", this::recordOutcomes);
    }

    /** Publishes to Kafka whenever woken, backing off while Kafka fails (see {@link KafkaPublisher}). */
    private void kafkaLoop() {
        while (running) {
            try {
                kafkaWake.await(pollMillis);
            } catch (InterruptedException e) {
                break;
            }
            if (running && step("publishing to Kafka", kafka::pass)) {
                kafkaWake.wake();
            }
        }
    }

    /** One round of webhook work (fan-out, outcomes, due deliveries), now and then a purge. */
    void pass() {
        boolean more = false;
        more |= step("fanning out to webhooks", this::fanOut);
        more |= step("sending deliveries", this::deliver);
        if (clock.millis() >= purgeAt) {
            purgeAt = clock.millis() + 3_600_000;
            step("purging", this::purge);
        }
        if (more) {
            webhookWake.wake();
        }
    }

    private interface Step {
        boolean run();
    }

    private boolean step(String what, Step step) {
        try {
            return step.run();
        } catch (RuntimeException e) {
            if (running) {
                log.warn("relay: {} failed, will retry: {}", what, rootMessage(e));
            }
            return false;
        }
    }

    private boolean fanOut() {
        Map<Integer, Long> heads = outbox.heads();
        List<Integer> behind = outbox.behind(heads, OutboxStore.WEBHOOKS);
        if (behind.isEmpty()) {
            return false;
        }
        List<WebhookStore.Webhook> hooks = webhooks.active();
        if (hooks.isEmpty()) {
            // nobody listens: move the cursors on now and then, not after every commit (SQLite has one writer)
            if (clock.millis() < idleAdvanceAt) {
                return false;
            }
            idleAdvanceAt = clock.millis() + 5_000;
        }
        Boolean more = tx.execute(s -> {
            long now = clock.millis();
            boolean full = false;
            List<String[]> deliveries = new ArrayList<>();
            for (var cursor : outbox.lockCursors(OutboxStore.WEBHOOKS, behind).entrySet()) {
                int shard = cursor.getKey();
                if (hooks.isEmpty()) {
                    // nobody listens: skip what was committed before the heads were read
                    if (heads.get(shard) > cursor.getValue()) {
                        outbox.advance(OutboxStore.WEBHOOKS, shard, heads.get(shard), now);
                    }
                    continue;
                }
                List<OutboxStore.Row> rows = outbox.after(shard, cursor.getValue(), batch);
                for (OutboxStore.Row row : rows) {
                    for (WebhookStore.Webhook hook : hooks) {
                        if (hook.wants(row.type()) && row.createdAt() >= hook.createdAt()) {
                            deliveries.add(new String[] {newDeliveryId(), hook.id(), Long.toString(row.id())});
                        }
                    }
                }
                if (!rows.isEmpty()) {
                    outbox.advance(OutboxStore.WEBHOOKS, shard, rows.get(rows.size() - 1).seq(), now);
                }
                full |= rows.size() == batch;
            }
            if (!deliveries.isEmpty()) {
                webhooks.insertDeliveries(deliveries, now);
            }
            return full;
        });
        return Boolean.TRUE.equals(more);
    }

    /**
     * Records finished attempts and leases the next due deliveries in one transaction (one commit, one fsync on
     * SQLite, for a whole round), then sends them.
     */
    private boolean deliver() {
        List<WebhookStore.Outcome> done = new ArrayList<>();
        for (WebhookStore.Outcome o; (o = outcomes.poll()) != null; ) {
            done.add(o);
        }
        long now = clock.millis();
        Map<WebhookStore.Webhook, Integer> wanted = new java.util.LinkedHashMap<>();
        int free = maxInFlight - inFlight.get();
        for (WebhookStore.Webhook hook : webhooks.active()) {
            int room = Math.min(free, maxInFlightPerWebhook - inFlightOf(hook.id()).get());
            // a plain read first: an idle relay takes no write lock (SQLite has only one)
            if (room > 0 && webhooks.nextDue(hook.id()).filter(due -> due <= now).isPresent()) {
                wanted.put(hook, room);
                free -= room;
            }
        }
        if (done.isEmpty() && wanted.isEmpty()) {
            return false;
        }
        Map<WebhookStore.Webhook, List<WebhookStore.Claimed>> claimed;
        try {
            claimed = tx.execute(s -> {
                if (!done.isEmpty()) {
                    webhooks.record(done);
                }
                Map<WebhookStore.Webhook, List<WebhookStore.Claimed>> leased = new java.util.LinkedHashMap<>();
                wanted.forEach((hook, room) -> leased.put(hook, webhooks.claimDue(hook.id(), now, room,
                        now + leaseMillis)));
                return leased;
            });
        } catch (RuntimeException e) {
            outcomes.addAll(done);
            throw e;
        }
        if (claimed != null) {
            claimed.forEach((hook, list) -> list.forEach(c -> send(hook, c)));
        }
        // no need to go round again at once: finishing deliveries wake the relay
        return false;
    }

    private boolean recordOutcomes() {
        List<WebhookStore.Outcome> done = new ArrayList<>();
        for (WebhookStore.Outcome o; (o = outcomes.poll()) != null; ) {
            done.add(o);
        }
        if (!done.isEmpty()) {
            tx.executeWithoutResult(s -> webhooks.record(done));
        }
        return false;
    }

    private AtomicInteger inFlightOf(String webhookId) {
        return inFlightByHook.computeIfAbsent(webhookId, k -> new AtomicInteger());
    }

    private void send(WebhookStore.Webhook hook, WebhookStore.Claimed c) {
        AtomicInteger mine = inFlightOf(hook.id());
        int attempt = c.attempts() + 1;
        String secret = secretCache.computeIfAbsent(hook.id(), k -> secrets.open(hook.secretEnc()));
        byte[] body;
        try {
            body = Envelopes.webhookBody(c.change(), json);
        } catch (RuntimeException e) {
            outcomes.add(outcome(hook, c.deliveryId(), attempt, null, e));
            return;
        }
        inFlight.incrementAndGet();
        mine.incrementAndGet();
        try {
            sender.send(hook.url(), secret, c.deliveryId(), c.change().type(), attempt, body)
                    .whenComplete((status, error) -> {
                        int left = inFlight.decrementAndGet();
                        int leftHere = mine.decrementAndGet();
                        outcomes.add(outcome(hook, c.deliveryId(), attempt, status, error));
                        // wake the relay once half the slots are free, so that each round takes many at once
                        if (leftHere <= maxInFlightPerWebhook / 2 || left <= maxInFlight / 2) {
                            webhookWake.wake();
                        }
                    });
        } catch (RuntimeException e) {
            inFlight.decrementAndGet();
            mine.decrementAndGet();
            outcomes.add(outcome(hook, c.deliveryId(), attempt, null, e));
        }
    }

    private WebhookStore.Outcome outcome(WebhookStore.Webhook hook, String deliveryId, int attempt, Integer status,
                                         Throwable error) {
        long now = clock.millis();
        if (error == null && status != null && status >= 200 && status < 300) {
            count("delivered");
            return new WebhookStore.Outcome(deliveryId, WebhookStore.DELIVERED, attempt, now, status, null, now);
        }
        String why = error != null ? truncate(rootMessage(error)) : "HTTP " + status;
        if (Backoff.exhausted(attempt, hook.maxAttempts())) {
            count("dead");
            log.info("webhook {} delivery {} is dead after {} attempts: {}", hook.id(), deliveryId, attempt, why);
            return new WebhookStore.Outcome(deliveryId, WebhookStore.DEAD, attempt, now, status, why, now);
        }
        count("failed");
        long next = now + Backoff.delayMillis(hook.initialBackoffMs(), maxBackoffMillis, attempt);
        return new WebhookStore.Outcome(deliveryId, WebhookStore.PENDING, attempt, next, status, why, now);
    }

    private boolean purge() {
        if (retentionMillis > 0) {
            tx.executeWithoutResult(s -> outbox.purge(clock.millis() - retentionMillis));
        }
        return false;
    }

    private void count(String outcome) {
        MeterRegistry registry = meters.getIfAvailable();
        if (registry != null) {
            registry.counter("consento.webhook.deliveries", "outcome", outcome).increment();
        }
    }

    static String newDeliveryId() {
        return "dlv_" + UUID.randomUUID().toString().replace("-", "");
    }

    static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        String m = t.getMessage();
        return t.getClass().getSimpleName() + (m == null || m.isBlank() ? "" : ": " + m);
    }

    private static String truncate(String s) {
        return s.length() <= 500 ? s : s.substring(0, 497) + "…";
    }
}
