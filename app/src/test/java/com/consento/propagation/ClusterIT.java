package com.consento.propagation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.consento.decisions.DecisionService;
import com.consento.testing.Api;
import com.consento.testing.ClusterNodes;
import com.consento.testing.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import tools.jackson.databind.JsonNode;

/**
 * Cluster mode end to end: a real in-process Kafka broker (KRaft) and two Consento nodes on one PostgreSQL
 * database ({@code consento_cluster_<random>}, created here and dropped afterwards; the shared suite's database is
 * left alone). Runs in the PostgreSQL pass of the integration suite only.
 */
class ClusterIT {
    private static ClusterNodes cluster;
    /** Withdrawals timed by {@link #propagation_delay_distribution}; {@code -Dconsento.cluster.samples=200}. */
    private static final int SAMPLES = Integer.getInteger("consento.cluster.samples", 20);
    private static EmbeddedKafkaKraftBroker kafka;
    private static ConfigurableApplicationContext nodeA;
    private static ConfigurableApplicationContext nodeB;
    private static Api a;
    private static Api b;
    private static String purpose;
    private static String notice;
    private static String phone;
    private static String racePhone;
    private static String crashPhone;
    private static final List<String> samplePhones = new ArrayList<>();

    @BeforeAll
    static void startCluster() throws Exception {
        cluster = ClusterNodes.onOwnDatabase("consento_cluster", "the cluster test");
        ClusterNodes.quiet("org.apache.kafka", "kafka", "state.change.logger", "org.apache.zookeeper");
        kafka = new EmbeddedKafkaKraftBroker(1, 1);
        kafka.afterPropertiesSet();

        nodeA = cluster.start("node-a", kafka.getBrokersAsString(), "WARN");
        a = new Api(ClusterNodes.port(nodeA));
        Fixtures fx = new Fixtures(a);
        purpose = fx.marketingPurpose(0);
        notice = fx.notice(false, purpose);
        // Subjects and purposes created before node B starts are loaded by B at start-up; consent changes
        // afterwards reach B only through the topic.
        phone = Fixtures.phone();
        grant(a, phone);
        racePhone = Fixtures.phone();
        grant(a, racePhone);
        crashPhone = Fixtures.phone();
        grant(a, crashPhone);
        StringBuilder batch = new StringBuilder();
        Instant at = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        for (int i = 0; i < SAMPLES; i++) {
            samplePhones.add(Fixtures.phone());
            batch.append(i == 0 ? "" : ",").append(Fixtures.eventJson(samplePhones.get(i), purpose, "sms", "GRANT",
                    notice, at));
        }
        Api.Response r = a.post("/api/v1/consent-events", "{\"events\": [" + batch + "]}");
        assertThat(r.status()).as(r.body()).isEqualTo(201);

        nodeB = cluster.start("node-b", kafka.getBrokersAsString(), "WARN");
        b = new Api(ClusterNodes.port(nodeB));
    }

    @AfterAll
    static void stopCluster() {
        if (cluster != null) {
            cluster.close();
        }
        if (kafka != null) {
            kafka.destroy();
        }
    }

    @Test
    @DisplayName("PIPL-15b a withdrawal on node A denies on node B within 1 s")
    void withdrawal_on_a_denies_on_b_within_one_second() {
        assertThat(new Fixtures(b).decision(phone, purpose, "sms")).isEqualTo("GRANTED");

        withdraw(a, phone);
        long start = System.nanoTime();
        String reason = null;
        long elapsed = 0;
        while (elapsed < 1_000) {
            reason = new Fixtures(b).decision(phone, purpose, "sms");
            elapsed = (System.nanoTime() - start) / 1_000_000;
            if (reason.equals("WITHDRAWN")) {
                break;
            }
            sleep(20);
        }
        System.out.printf("cluster: node B denied %d ms after node A's withdrawal returned%n", elapsed);
        assertThat(reason).as("node B's decision after %d ms", elapsed).isEqualTo("WITHDRAWN");
        assertThat(elapsed).isLessThanOrEqualTo(1_000);

        // and the other way round: a grant on B allows on A
        Instant later = Instant.now().truncatedTo(ChronoUnit.MILLIS).plusMillis(1);
        assertThat(new Fixtures(b).event(phone, purpose, "sms", "GRANT", notice, later).status()).isEqualTo(201);
        await().atMost(Duration.ofSeconds(1)).pollInterval(Duration.ofMillis(20))
                .until(() -> new Fixtures(a).decision(phone, purpose, "sms").equals("GRANTED"));
    }

    @Test
    @DisplayName("PIPL-15b grant on A then withdrawal on B at once: both nodes end denying, B never allows again")
    void a_later_local_withdrawal_is_not_undone_by_an_earlier_remote_grant() {
        Instant t = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        assertThat(new Fixtures(a).event(racePhone, purpose, "sms", "GRANT", notice, t).status()).isEqualTo(201);
        Api.Response w = new Fixtures(b).event(racePhone, purpose, "sms", "WITHDRAW", null, t.plusMillis(5));
        assertThat(w.status()).as(w.body()).isEqualTo(201);
        // A's grant comes back to B through the topic, possibly after B's own withdrawal: it must not undo it
        long until = System.nanoTime() + 500_000_000L;
        while (System.nanoTime() < until) {
            assertThat(new Fixtures(b).decision(racePhone, purpose, "sms")).isEqualTo("WITHDRAWN");
            sleep(2);
        }
        await().atMost(Duration.ofSeconds(1)).pollInterval(Duration.ofMillis(20))
                .until(() -> new Fixtures(a).decision(racePhone, purpose, "sms").equals("WITHDRAWN"));
    }

    @Test
    @DisplayName("PIPL-15b a change committed on A while A's relay is down (a crash between commit and send) is published by B's relay")
    void another_nodes_relay_publishes_what_a_stopped_node_committed() {
        String p = crashPhone;
        Relay relayA = nodeA.getBean(Relay.class);
        relayA.stop();
        try {
            withdraw(a, p);
            assertThat(new Fixtures(a).decision(p, purpose, "sms")).isEqualTo("WITHDRAWN");
            await().atMost(Duration.ofSeconds(3)).pollInterval(Duration.ofMillis(20))
                    .until(() -> new Fixtures(b).decision(p, purpose, "sms").equals("WITHDRAWN"));
        } finally {
            relayA.start();
        }
    }

    @Test
    @DisplayName("propagation delay A→B over many withdrawals (p50/p99, printed)")
    void propagation_delay_distribution() {
        DecisionService decisionsB = nodeB.getBean(DecisionService.class);
        for (String p : samplePhones) {
            assertThat(decisionsB.decide("phone:" + p, purpose, "sms").reason().name()).isEqualTo("GRANTED");
        }
        List<Double> delays = new ArrayList<>();
        for (String p : samplePhones) {
            withdraw(a, p);
            long start = System.nanoTime();
            while (decisionsB.decide("phone:" + p, purpose, "sms").allowed()) {
                if (System.nanoTime() - start > 5_000_000_000L) {
                    Assertions.fail("node B still allows 5 s after the withdrawal on A");
                }
                Thread.onSpinWait();
            }
            delays.add((System.nanoTime() - start) / 1e6);
        }
        Collections.sort(delays);
        double p50 = delays.get((int) Math.ceil(0.50 * delays.size()) - 1);
        double p99 = delays.get((int) Math.ceil(0.99 * delays.size()) - 1);
        double max = delays.get(delays.size() - 1);
        String line = String.format(Locale.ROOT, "cluster propagation A->B over %d withdrawals: p50 %.1f ms, p99 %.1f ms, "
                + "max %.1f ms", delays.size(), p50, p99, max);
        System.out.println(line);
        try {
            Files.writeString(Path.of("target", "cluster-propagation.txt"), line + System.lineSeparator());
        } catch (java.io.IOException ignored) {
            // the printed line is enough
        }
    }

    @Test
    @DisplayName("a person first seen on node A after node B started is known on node B once A's grant arrives")
    void a_subject_created_on_a_is_known_on_b() {
        String newcomer = Fixtures.phone();
        grant(a, newcomer);
        await().atMost(Duration.ofSeconds(2)).pollInterval(Duration.ofMillis(20))
                .until(() -> new Fixtures(b).decision(newcomer, purpose, "sms").equals("GRANTED"));
        withdraw(a, newcomer);
        await().atMost(Duration.ofSeconds(2)).pollInterval(Duration.ofMillis(20))
                .until(() -> new Fixtures(b).decision(newcomer, purpose, "sms").equals("WITHDRAWN"));
    }

    private static String grant(Api api, String p) {
        Api.Response r = new Fixtures(api).event(p, purpose, "sms", "GRANT", notice,
                Instant.now().truncatedTo(ChronoUnit.MILLIS));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("receipts").get(0).get("subjectId").asString();
    }

    private static void withdraw(Api api, String p) {
        Api.Response r = new Fixtures(api).event(p, purpose, "sms", "WITHDRAW", null,
                Instant.now().truncatedTo(ChronoUnit.MILLIS).plusMillis(1));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
    }

    /** The broker logs every step at INFO; only its warnings matter here. */
    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
