package com.consento.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.consento.testing.Api;
import com.consento.testing.ClusterNodes;
import com.consento.testing.Fixtures;
import com.sun.net.httpserver.HttpServer;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.Lifecycle;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Kafka goes away under a running two-node cluster (PostgreSQL pass only). The nodes reach the in-process KRaft
 * broker only through a {@link TcpProxy}, which the broker advertises as its address: cutting it drops every
 * connection and refuses new ones, which is what the nodes see of a broker that is down, while the broker keeps
 * its log, as a broker restarted on its own disks does. A webhook receiver stands for the downstream systems.
 */
class KafkaOutageIT {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String TOPIC = "consento.consent-changes";
    /** Quick for a person at the API, with room for a busy build machine; the producer's time-outs are 5–10 s. */
    private static final long QUICK_MILLIS = 2_000;
    private static final int WITHDRAWALS = 6;
    private static ClusterNodes cluster;
    private static TcpProxy proxy;
    private static EmbeddedKafkaKraftBroker kafka;
    private static HttpServer receiver;
    private static final List<JsonNode> received = new CopyOnWriteArrayList<>();
    private static ConfigurableApplicationContext nodeA;
    private static ConfigurableApplicationContext nodeB;
    private static Api a;
    private static Api b;
    private static String purpose;
    private static String notice;
    /** phone → subject id, granted on A before B started. */
    private static final Map<String, String> outagePhones = new LinkedHashMap<>();
    private static String flipPhone;
    private static String replayPhone;
    private static String replaySubject;
    private static long slowestIngestMillis;

    @BeforeAll
    static void startCluster() throws Exception {
        cluster = ClusterNodes.onOwnDatabase("consento_kafka_outage", "the Kafka outage test");

        ClusterNodes.quiet("org.apache.kafka", "kafka", "state.change.logger");
        proxy = new TcpProxy();
        kafka = new EmbeddedKafkaKraftBroker(1, 1);
        kafka.brokerProperty("advertised.listeners", "EXTERNAL://127.0.0.1:" + proxy.port());
        kafka.afterPropertiesSet();
        String direct = kafka.getBrokersAsString().split(",")[0];
        proxy.target(direct.substring(0, direct.lastIndexOf(':')),
                Integer.parseInt(direct.substring(direct.lastIndexOf(':') + 1)));

        receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        receiver.createContext("/", exchange -> {
            try (InputStream in = exchange.getRequestBody()) {
                received.add(JSON.readTree(in.readAllBytes()));
            }
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();

        nodeA = cluster.start("node-a", "127.0.0.1:" + proxy.port(), "ERROR");
        a = new Api(ClusterNodes.port(nodeA));
        Fixtures fx = new Fixtures(a);
        purpose = fx.marketingPurpose(0);
        notice = fx.notice(false, purpose);
        Api.Response hook = a.post("/api/v1/webhooks", """
                {"url": "http://127.0.0.1:%d/hook", "secret": "kafka-outage-secret-0123456789",
                 "events": ["consent.changed"]}""".formatted(receiver.getAddress().getPort()));
        assertThat(hook.status()).as(hook.body()).isEqualTo(201);
        // Granted before node B starts, so that B loads them from the database; what follows reaches B only
        // through Kafka.
        Instant granted = Instant.now().truncatedTo(ChronoUnit.MILLIS).minusSeconds(1);
        StringBuilder batch = new StringBuilder();
        List<String> phones = new ArrayList<>();
        for (int i = 0; i < WITHDRAWALS + 2; i++) {
            phones.add(Fixtures.phone());
            batch.append(i == 0 ? "" : ",").append(Fixtures.eventJson(phones.get(i), purpose, "sms", "GRANT", notice,
                    granted));
        }
        Api.Response r = a.post("/api/v1/consent-events", "{\"events\": [" + batch + "]}");
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        for (int i = 0; i < WITHDRAWALS; i++) {
            outagePhones.put(phones.get(i), r.json().get("receipts").get(i).get("subjectId").asString());
        }
        flipPhone = phones.get(WITHDRAWALS);
        replayPhone = phones.get(WITHDRAWALS + 1);
        replaySubject = r.json().get("receipts").get(WITHDRAWALS + 1).get("subjectId").asString();
        awaitUntil("node A's grants are on the topic before node B starts", Duration.ofSeconds(20),
                () -> pending(a) == 0);

        nodeB = cluster.start("node-b", "127.0.0.1:" + proxy.port(), "ERROR");
        b = new Api(ClusterNodes.port(nodeB));
    }

    @AfterAll
    static void stopCluster() throws Exception {
        if (cluster != null) {
            cluster.close();
        }
        if (kafka != null) {
            kafka.destroy();
        }
        if (proxy != null) {
            proxy.close();
        }
        if (receiver != null) {
            receiver.stop(0);
        }
    }

    @Test
    @DisplayName("PIPL-15b Kafka down: withdrawals on node A answer at once and deny there, webhooks are told, the "
            + "outbox shows the backlog; once Kafka is back node B denies every one, in order, each applied once")
    void withdrawals_made_while_kafka_is_down_reach_the_other_node_when_it_is_back() {
        for (String phone : outagePhones.keySet()) {
            assertThat(decision(b, phone)).isEqualTo("GRANTED");
        }
        assertThat(decision(b, flipPhone)).isEqualTo("GRANTED");
        awaitUntil("nothing waits for Kafka before the outage", Duration.ofSeconds(10), () -> pending(a) == 0);
        double appliedOnB = metric(b, "consento_propagation_remote_lag_seconds_count");
        double duplicatesOnB = metric(b, "consento_propagation_remote_duplicates_total");
        List<String> phones = new ArrayList<>(outagePhones.keySet());
        int changes = 0;
        String lastFlip;
        // node A's relay alone: it publishes to Kafka and delivers webhooks, and must not make one wait for the
        // other (node B's relay, which shares the outbox, would otherwise deliver what A's holds up)
        Lifecycle relayB = (Lifecycle) nodeB.getBean("relay");
        relayB.stop();

        proxy.cut();
        try {
            Instant at = Instant.now().truncatedTo(ChronoUnit.MILLIS);
            // half at once, while the relay's first attempt still waits on the producer
            for (String phone : phones.subList(0, phones.size() / 2)) {
                withdrawQuickly(phone, at = at.plusMillis(1));
                changes++;
            }
            // several changes of one consent key: node B must end where node A did
            withdrawQuickly(flipPhone, at = at.plusMillis(1));
            recordQuickly(flipPhone, "GRANT", at = at.plusMillis(1));
            lastFlip = withdrawQuickly(flipPhone, at = at.plusMillis(1));
            changes += 3;
            int expected = changes;
            assertThat(pending(a)).as("consento_outbox_pending on node A").isEqualTo(expected);
            // webhooks do not go through Kafka: downstream systems are told while it is down, at once
            awaitUntil("the webhook receiver is told of the first withdrawals while Kafka is down",
                    Duration.ofSeconds(3), () -> phones.subList(0, phones.size() / 2).stream()
                            .allMatch(p -> toldOfWithdrawal(outagePhones.get(p))));

            // the relay's first attempt has timed out (the producer's delivery timeout is 10 s): it retries,
            // loses nothing, and holds up nobody's withdrawal
            awaitUntil("the oldest waiting change is older than the producer's delivery timeout",
                    Duration.ofSeconds(20), () -> metric(a, "consento_outbox_oldest_pending_age_seconds"
                            + "{destination=\"kafka\"}") >= 11);
            for (String phone : phones.subList(phones.size() / 2, phones.size())) {
                withdrawQuickly(phone, at = at.plusMillis(1));
                changes++;
            }
            int all = changes;
            assertThat(pending(a)).as("consento_outbox_pending on node A").isEqualTo(all);
            assertThat(pending(b)).as("consento_outbox_pending on node B (one outbox)").isEqualTo(all);
            for (String phone : phones) {
                assertThat(decision(b, phone)).as("node B cannot have heard yet: Kafka is down").isEqualTo("GRANTED");
            }
            awaitUntil("the webhook receiver is told of every withdrawal while Kafka is down", Duration.ofSeconds(3),
                    () -> outagePhones.values().stream().allMatch(s -> toldOfWithdrawal(s)));
        } finally {
            proxy.restore();
            relayB.start();
        }

        awaitUntil("node B denies every withdrawal made while Kafka was down", Duration.ofSeconds(30),
                () -> phones.stream().allMatch(p -> decision(b, p).equals("WITHDRAWN")));
        awaitUntil("the outbox has drained", Duration.ofSeconds(10), () -> pending(a) == 0);
        JsonNode flip = decisionJson(b, flipPhone);
        assertThat(flip.get("reason").asString()).as("in order: withdraw, grant, withdraw").isEqualTo("WITHDRAWN");
        assertThat(flip.get("eventId").asString()).as("node B holds the last of the three").isEqualTo(lastFlip);
        int total = changes;
        awaitUntil("node B applied each change from node A", Duration.ofSeconds(5),
                () -> metric(b, "consento_propagation_remote_lag_seconds_count") - appliedOnB >= total);
        assertThat(metric(b, "consento_propagation_remote_lag_seconds_count") - appliedOnB)
                .as("changes from node A applied on node B: each once").isEqualTo(total);
        System.out.printf("kafka outage: %d changes waited in the outbox (slowest ingest %d ms), node B applied each "
                + "once and skipped %.0f copies%n", total, slowestIngestMillis,
                metric(b, "consento_propagation_remote_duplicates_total") - duplicatesOnB);
    }

    @Test
    @DisplayName("PIPL-15b Kafka delivers a batch again (its acknowledgement was lost in an outage): the copy of an "
            + "earlier grant does not allow again on node B after the withdrawal")
    void a_change_delivered_again_does_not_undo_a_later_one() throws Exception {
        withdrawQuickly(replayPhone, Instant.now().truncatedTo(ChronoUnit.MILLIS));
        awaitUntil("node B denies", Duration.ofSeconds(10), () -> decision(b, replayPhone).equals("WITHDRAWN"));

        // the grant and the withdrawal as they are on the topic, in order
        List<ConsumerRecord<String, String>> batch = onTopic(replaySubject, 2);
        assertThat(batch).extracting(r -> JSON.readTree(r.value()).get("data").get("action").asString())
                .containsExactly("GRANT", "WITHDRAW");
        double duplicates = metric(b, "consento_propagation_remote_duplicates_total");
        try (KafkaProducer<String, String> producer = producer()) {
            for (int i = 0; i < batch.size(); i++) {
                ConsumerRecord<String, String> r = batch.get(i);
                producer.send(new ProducerRecord<>(TOPIC, r.partition(), r.key(), r.value())).get();
                int copies = i + 1;
                // read and skipped, or (what must not be) applied
                awaitUntil("node B has read copy " + copies, Duration.ofSeconds(10),
                        () -> metric(b, "consento_propagation_remote_duplicates_total") - duplicates >= copies
                                || !decision(b, replayPhone).equals("WITHDRAWN"));
                assertThat(decision(b, replayPhone)).as("after the copy of the %s", i == 0 ? "grant" : "withdrawal")
                        .isEqualTo("WITHDRAWN");
            }
        }
    }

    /** Withdraws on node A, which must answer 201 quickly and deny at once; returns the event id. */
    private static String withdrawQuickly(String phone, Instant capturedAt) {
        String eventId = recordQuickly(phone, "WITHDRAW", capturedAt);
        assertThat(decision(a, phone)).as("node A denies at once").isEqualTo("WITHDRAWN");
        return eventId;
    }

    private static String recordQuickly(String phone, String action, Instant capturedAt) {
        long start = System.nanoTime();
        Api.Response r = new Fixtures(a).event(phone, purpose, "sms", action, action.equals("GRANT") ? notice : null,
                capturedAt);
        long millis = (System.nanoTime() - start) / 1_000_000;
        slowestIngestMillis = Math.max(slowestIngestMillis, millis);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        assertThat(millis).as("%s answered in %d ms while Kafka is down", action, millis).isLessThan(QUICK_MILLIS);
        return r.json().get("receipts").get(0).get("eventId").asString();
    }

    private static boolean toldOfWithdrawal(String subjectId) {
        return received.stream().anyMatch(e -> e.has("subjectId") && subjectId.equals(e.get("subjectId").asString())
                && e.has("data") && e.get("data").has("action")
                && "WITHDRAW".equals(e.get("data").get("action").asString()));
    }

    private static String decision(Api api, String phone) {
        return decisionJson(api, phone).get("reason").asString();
    }

    private static JsonNode decisionJson(Api api, String phone) {
        Api.Response r = api.get("/api/v1/decisions?subject=phone:" + phone.replace("+", "%2B") + "&purpose="
                + purpose + "&channel=sms");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    /** What an operator's Prometheus sees: changes committed and not yet on the topic. */
    private static long pending(Api api) {
        double v = metric(api, "consento_outbox_pending{destination=\"kafka\"}");
        assertThat(v).as("consento_outbox_pending{destination=\"kafka\"} is exported").isNotNaN();
        return (long) v;
    }

    /** A sample from {@code /actuator/prometheus} (no credentials, as a scraper calls it); NaN when absent. */
    private static double metric(Api api, String series) {
        Api.Response r = api.as(null).get("/actuator/prometheus");
        assertThat(r.status()).isEqualTo(200);
        for (String line : r.body().split("\n")) {
            if (line.startsWith(series + " ")) {
                return Double.parseDouble(line.substring(series.length() + 1).trim());
            }
        }
        return series.endsWith("_total") || series.endsWith("_count") ? 0 : Double.NaN;
    }

    /** The subject's messages on the topic, read straight from the broker. */
    private static List<ConsumerRecord<String, String>> onTopic(String subjectId, int count) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:" + proxy.port());
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        List<ConsumerRecord<String, String>> found = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(p)) {
            List<TopicPartition> partitions = consumer.partitionsFor(TOPIC).stream()
                    .map(i -> new TopicPartition(TOPIC, i.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (found.size() < count && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                    if (subjectId.equals(r.key())) {
                        found.add(r);
                    }
                }
            }
        }
        assertThat(found).as("messages of %s on the topic", subjectId).hasSize(count);
        return found;
    }

    private static KafkaProducer<String, String> producer() {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:" + proxy.port());
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        return new KafkaProducer<>(p);
    }

    /** Polls until the condition holds; fails with its description at the deadline. */
    private static void awaitUntil(String what, Duration atMost, BooleanSupplier condition) {
        await(what).atMost(atMost).pollInterval(Duration.ofMillis(50)).until(condition::getAsBoolean);
    }
}
