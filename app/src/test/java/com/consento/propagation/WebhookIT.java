package com.consento.propagation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.consento.testing.Api;
import com.consento.testing.Fixtures;
import com.consento.testing.IntegrationTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

@IntegrationTest
class WebhookIT {
    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final String SECRET = "whsec-0123456789abcdef";
    @LocalServerPort
    int port;
    @Autowired
    Outbox outbox;
    @Autowired
    Relay relay;
    @Autowired
    TransactionTemplate tx;
    Api api;
    Fixtures fx;
    Receiver receiver;
    String purpose;
    String notice;
    final List<String> hooks = new ArrayList<>();

    @BeforeEach
    void setUp() throws Exception {
        api = new Api(port);
        fx = new Fixtures(api);
        receiver = new Receiver();
        purpose = fx.marketingPurpose(0);
        notice = fx.notice(false, purpose);
    }

    @AfterEach
    void tearDown() {
        // later tests in this context must not keep feeding a receiver that is gone
        hooks.forEach(id -> api.delete("/api/v1/webhooks/" + id));
        receiver.close();
    }

    private String register(String path, String events, String options) {
        Api.Response r = api.post("/api/v1/webhooks", """
                {"url": "%s", "secret": "%s", "events": [%s]%s}""".formatted(receiver.url(path), SECRET, events,
                options.isEmpty() ? "" : ", " + options));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        assertThat(r.body()).doesNotContain(SECRET);
        String id = r.json().get("id").asString();
        hooks.add(id);
        return id;
    }

    /** Records one event now and returns the subject id from its receipt. */
    private String record(String phone, String action) {
        Api.Response r = fx.event(phone, purpose, "sms", action, action.equals("GRANT") ? notice : null,
                Instant.now().truncatedTo(ChronoUnit.MILLIS));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("receipts").get(0).get("subjectId").asString();
    }

    private static String hmac(String secret, byte[] body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
    }

    private JsonNode change(String id) {
        Api.Response r = api.get("/api/v1/changes/" + id);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    @Test
    @DisplayName("PIPL-15b a withdrawal reaches the webhook signed over its raw body, and the 2xx is recorded as acknowledgement")
    void signed_delivery_and_acknowledgement() throws Exception {
        register("/ok", "\"consent.changed\"", "");
        String phone = Fixtures.phone();
        String subject = record(phone, "GRANT");
        record(phone, "WITHDRAW");

        await().atMost(WAIT).pollInterval(Duration.ofMillis(20)).until(() -> receiver.about(subject).size() >= 2);
        for (Receiver.Request r : receiver.about(subject)) {
            assertThat(r.signature()).isEqualTo(hmac(SECRET, r.body()));
            assertThat(r.deliveryId()).startsWith("dlv_");
            assertThat(r.event()).isEqualTo("consent.changed");
            JsonNode body = r.json();
            assertThat(body.get("type").asString()).isEqualTo("consent.changed");
            assertThat(Instant.parse(body.get("occurredAt").asString())).isNotNull();
            assertThat(body.get("data").get("purpose").asString()).isEqualTo(purpose);
            assertThat(body.get("data").get("channel").asString()).isEqualTo("sms");
        }
        Receiver.Request withdrawal = receiver.about(subject).stream()
                .filter(r -> r.json().get("data").get("action").asString().equals("WITHDRAW")).findFirst().orElseThrow();
        assertThat(withdrawal.json().get("data").get("eventId").asString()).isNotBlank();

        // the acknowledgement is tracked per change
        String changeId = withdrawal.changeId();
        await().atMost(WAIT).pollInterval(Duration.ofMillis(20)).until(() ->
                change(changeId).get("deliveries").get(0).get("status").asString().equals("DELIVERED"));
        JsonNode delivery = change(changeId).get("deliveries").get(0);
        assertThat(delivery.get("id").asString()).isEqualTo(withdrawal.deliveryId());
        assertThat(delivery.get("attempts").asInt()).isEqualTo(1);
        assertThat(Instant.parse(delivery.get("acknowledgedAt").asString())).isNotNull();
        assertThat(delivery.get("lastStatus").asInt()).isEqualTo(200);

        JsonNode changes = api.get("/api/v1/changes?subject=" + subject).json().get("changes");
        assertThat(changes).hasSize(2);
        assertThat(changes.get(0).get("data").get("action").asString()).isEqualTo("WITHDRAW");
    }

    @Test
    @DisplayName("a receiver that answers 500 twice gets the same signed delivery again with back-off and acknowledges the third")
    void retried_with_back_off_until_acknowledged() {
        Map<String, AtomicInteger> seen = new ConcurrentHashMap<>();
        receiver.answering(r -> seen.computeIfAbsent(r.changeId(), k -> new AtomicInteger()).incrementAndGet() <= 2
                ? 500 : 200);
        register("/flaky", "\"consent.changed\"", "\"initialBackoffMs\": 100");
        String subject = record(Fixtures.phone(), "GRANT");

        await().atMost(WAIT).pollInterval(Duration.ofMillis(20)).until(() -> receiver.about(subject).size() >= 3);
        List<Receiver.Request> tries = receiver.about(subject);
        assertThat(tries).extracting(Receiver.Request::attempt).containsExactly(1, 2, 3);
        assertThat(tries).extracting(Receiver.Request::deliveryId).containsOnly(tries.get(0).deliveryId());
        assertThat(tries).extracting(Receiver.Request::text).containsOnly(tries.get(0).text());
        long firstGap = (tries.get(1).receivedNanos() - tries.get(0).receivedNanos()) / 1_000_000;
        long secondGap = (tries.get(2).receivedNanos() - tries.get(1).receivedNanos()) / 1_000_000;
        assertThat(firstGap).as("first back-off (100 ms)").isGreaterThanOrEqualTo(90);
        assertThat(secondGap).as("second back-off (200 ms)").isGreaterThanOrEqualTo(190);

        String changeId = tries.get(0).changeId();
        await().atMost(WAIT).pollInterval(Duration.ofMillis(20)).until(() ->
                change(changeId).get("deliveries").get(0).get("status").asString().equals("DELIVERED"));
        assertThat(change(changeId).get("deliveries").get(0).get("attempts").asInt()).isEqualTo(3);
        assertThat(receiver.about(subject)).hasSize(3);
    }

    @Test
    @DisplayName("a receiver that keeps failing ends in the dead-letter list, and a retry from there delivers")
    void dead_letters_and_retry() {
        AtomicBoolean up = new AtomicBoolean(false);
        receiver.answering(r -> up.get() ? 204 : 503);
        String hook = register("/down", "\"consent.changed\"", "\"maxAttempts\": 3, \"initialBackoffMs\": 50");
        String subject = record(Fixtures.phone(), "GRANT");

        await().atMost(WAIT).pollInterval(Duration.ofMillis(20)).until(() ->
                api.get("/api/v1/webhooks/" + hook + "/dead-letters").json().get("deadLetters").size() == 1);
        JsonNode dead = api.get("/api/v1/webhooks/" + hook + "/dead-letters").json().get("deadLetters").get(0);
        assertThat(dead.get("status").asString()).isEqualTo("DEAD");
        assertThat(dead.get("attempts").asInt()).isEqualTo(3);
        assertThat(dead.get("lastStatus").asInt()).isEqualTo(503);
        assertThat(dead.get("lastError").asString()).isEqualTo("HTTP 503");
        assertThat(receiver.about(subject)).hasSize(3);
        JsonNode listed = api.get("/api/v1/webhooks").json().get("webhooks");
        assertThat(listed.valueStream().filter(w -> w.get("id").asString().equals(hook)).findFirst().orElseThrow()
                .get("deliveries").get("DEAD").asInt()).isEqualTo(1);

        up.set(true);
        Api.Response retry = api.post("/api/v1/webhooks/" + hook + "/dead-letters/" + dead.get("id").asString()
                + "/retry", "");
        assertThat(retry.status()).as(retry.body()).isEqualTo(202);
        assertThat(retry.json().get("status").asString()).isEqualTo("PENDING");
        String changeId = dead.get("changeId").asString();
        await().atMost(WAIT).pollInterval(Duration.ofMillis(20)).until(() ->
                change(changeId).get("deliveries").get(0).get("status").asString().equals("DELIVERED"));
        assertThat(api.get("/api/v1/webhooks/" + hook + "/dead-letters").json().get("deadLetters")).isEmpty();
        Api.Response again = api.post("/api/v1/webhooks/" + hook + "/dead-letters/" + dead.get("id").asString()
                + "/retry", "");
        assertThat(again.status()).as("only dead letters are retried").isEqualTo(409);
    }

    @Test
    @DisplayName("a registration is refused with 422 naming each wrong field; webhooks need the admin scope")
    void validation_and_scope() {
        Api.Response r = api.post("/api/v1/webhooks", """
                {"url": "ftp://example.com/hook", "secret": "short", "events": ["consent.changed", "consent.granted"],
                 "maxAttempts": 0}""");
        assertThat(r.status()).as(r.body()).isEqualTo(422);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.json().get("errors").valueStream().map(e -> e.get("pointer").asString()).toList())
                .containsExactlyInAnyOrder("/url", "/secret", "/events/1", "/maxAttempts");
        Api.Response none = api.post("/api/v1/webhooks", "{\"url\": \"https://example.com/h\", \"secret\": \""
                + SECRET + "\", \"events\": []}");
        assertThat(none.status()).isEqualTo(422);

        Api.Response key = api.post("/api/v1/api-keys", "{\"name\": \"reader\", \"scopes\": [\"decision:read\"]}");
        assertThat(key.status()).as(key.body()).isEqualTo(201);
        Api.Response forbidden = api.as(key.json().get("key").asString()).post("/api/v1/webhooks",
                "{\"url\": \"https://example.com/h\", \"secret\": \"" + SECRET + "\", \"events\": [\"consent.changed\"]}");
        assertThat(forbidden.status()).isEqualTo(403);
        assertThat(api.get("/api/v1/webhooks/wh_nope/dead-letters").status()).isEqualTo(404);
        assertThat(api.get("/api/v1/changes/42424242424242").status()).isEqualTo(404);
    }

    @Test
    @DisplayName("other capabilities publish inside their transaction: committed changes go out to subscribers of that type only, rolled-back ones never")
    void published_changes_follow_their_transaction_and_subscriptions() {
        register("/erasures", "\"subject.erased\"", "");
        String phone = Fixtures.phone();
        String subject = record(phone, "GRANT");
        try {
            tx.executeWithoutResult(s -> {
                outbox.publish(Outbox.SUBJECT_ERASED, subject, Map.of("marker", "rolled-back"));
                throw new IllegalStateException("the caller's transaction fails");
            });
        } catch (IllegalStateException expected) {
            // nothing was committed
        }
        tx.executeWithoutResult(s -> outbox.publish(Outbox.SUBJECT_ERASED, subject, Map.of("marker", "committed")));

        // same subject, same shard: fanned out in commit order, so the grant and the rolled-back one are settled
        await().atMost(WAIT).pollInterval(Duration.ofMillis(20)).until(() -> !receiver.about(subject).isEmpty());
        assertThat(receiver.about(subject)).singleElement().satisfies(r -> {
            assertThat(r.json().get("type").asString()).isEqualTo("subject.erased");
            assertThat(r.json().get("data").get("marker").asString()).isEqualTo("committed");
        });
        JsonNode changes = api.get("/api/v1/changes?subject=" + subject).json().get("changes");
        assertThat(changes).hasSize(2);
        JsonNode grant = changes.get(1);
        assertThat(grant.get("type").asString()).isEqualTo("consent.changed");
        assertThat(grant.get("deliveries").valueStream().map(d -> d.get("webhookId").asString()).toList())
                .doesNotContain(hooks.get(0));
    }

    @Test
    @DisplayName("a change committed while the relay is down is delivered once it runs again")
    void survives_the_relay_being_down_between_commit_and_send() {
        register("/later", "\"consent.changed\"", "");
        relay.stop();
        String subject;
        try {
            subject = record(Fixtures.phone(), "GRANT");
            JsonNode changes = api.get("/api/v1/changes?subject=" + subject).json().get("changes");
            assertThat(changes).as("committed with the consent, in the outbox").hasSize(1);
            assertThat(changes.get(0).get("deliveries")).isEmpty();
            assertThat(receiver.about(subject)).isEmpty();
        } finally {
            relay.start();
        }
        await().atMost(WAIT).pollInterval(Duration.ofMillis(20)).until(() -> receiver.about(subject).size() == 1);
    }

    @Test
    @DisplayName("a slow receiver does not slow ingest: deliveries run on the relay's own threads")
    void slow_receiver_does_not_slow_ingest() {
        receiver.answering(r -> {
            try {
                Thread.sleep(3_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return 200;
        });
        register("/slow", "\"consent.changed\"", "");
        long start = System.nanoTime();
        List<String> subjects = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            subjects.add(record(Fixtures.phone(), "GRANT"));
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertThat(millis).as("10 consent requests while the receiver takes 3 s an answer").isLessThan(3_000);
        await().atMost(WAIT).pollInterval(Duration.ofMillis(50)).until(() ->
                subjects.stream().allMatch(s -> receiver.about(s).size() == 1));
    }
}
