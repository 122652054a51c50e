package com.consento.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import com.consento.testing.Api;
import com.consento.testing.Fixtures;
import com.consento.testing.IntegrationTest;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

@IntegrationTest
class ConsentLedgerIT {
    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    Api api;
    Fixtures fx;
    Instant now;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        fx = new Fixtures(api);
        now = Instant.now().minusSeconds(60).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
    }

    @Test
    @DisplayName("PIPL-14a a recorded grant returns a receipt, shows in state and history, and allows the decision")
    void recorded_grant_is_visible_everywhere() {
        String purpose = fx.marketingPurpose(730);
        String notice = fx.notice(false, purpose);
        String phone = Fixtures.phone();
        Api.Response r = fx.event(phone, purpose, "sms", "GRANT", notice, now);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        JsonNode receipt = r.json().get("receipts").get(0);
        String subjectId = receipt.get("subjectId").asString();
        assertThat(receipt.get("receiptId").asString()).startsWith("rcpt_");
        assertThat(receipt.get("hash").asString()).hasSize(64);

        JsonNode decision = api.get("/api/v1/decisions?subject=" + subjectId + "&purpose=" + purpose + "&channel=sms").json();
        assertThat(decision.get("allowed").asBoolean()).isTrue();
        assertThat(decision.get("reason").asString()).isEqualTo("GRANTED");
        assertThat(decision.get("eventId").asString()).isEqualTo(receipt.get("eventId").asString());
        assertThat(fx.decision(phone, purpose, "email")).isEqualTo("NO_CONSENT");

        JsonNode state = api.get("/api/v1/subjects/" + subjectId + "/consents").json();
        assertThat(state.get("consents")).hasSize(1);
        JsonNode c = state.get("consents").get(0);
        assertThat(c.get("status").asString()).isEqualTo("GRANTED");
        assertThat(c.get("noticeVersion").asString()).isEqualTo(notice);
        assertThat(c.get("channel").asString()).isEqualTo("sms");
        assertThat(Instant.parse(c.get("expiresAt").asString())).isEqualTo(now.plus(Duration.ofDays(730)));

        JsonNode history = api.get("/api/v1/subjects/" + subjectId + "/consent-events").json().get("events");
        assertThat(history).hasSize(1);
        assertThat(history.get(0).get("evidence").get("ip").asString()).isEqualTo("203.0.113.7");
        assertThat(history.get(0).get("touchpoint").asString()).isEqualTo("WEB");
    }

    @Test
    @DisplayName("PIPL-15b a withdrawal denies the very next decision and earlier rows stay in the ledger")
    void withdrawal_denies_next_decision() {
        String purpose = fx.marketingPurpose(0);
        String notice = fx.notice(false, purpose);
        String phone = Fixtures.phone();
        fx.event(phone, purpose, "sms", "GRANT", notice, now.minusSeconds(30));
        assertThat(fx.decision(phone, purpose, "sms")).isEqualTo("GRANTED");
        assertThat(fx.event(phone, purpose, "sms", "WITHDRAW", null, now).status()).isEqualTo(201);
        assertThat(fx.decision(phone, purpose, "sms")).isEqualTo("WITHDRAWN");
        String id = api.get("/api/v1/subjects/lookup?type=phone&value=" + phone.replace("+", "%2B")).json()
                .get("subjectId").asString();
        assertThat(api.get("/api/v1/subjects/" + id + "/consent-events").json().get("events")).hasSize(2);
    }

    @Test
    @DisplayName("a grant captured before a withdrawal but recorded after it never revives consent")
    void late_grant_does_not_revive() {
        String purpose = fx.marketingPurpose(0);
        String notice = fx.notice(false, purpose);
        String phone = Fixtures.phone();
        fx.event(phone, purpose, "sms", "WITHDRAW", null, now);
        fx.event(phone, purpose, "sms", "GRANT", notice, now.minusSeconds(3600));
        assertThat(fx.decision(phone, purpose, "sms")).isEqualTo("WITHDRAWN");
    }

    @Test
    @DisplayName("point-in-time state replays what was captured by then, whenever it was recorded")
    void point_in_time_state() {
        String purpose = fx.marketingPurpose(0);
        String notice = fx.notice(false, purpose);
        String phone = Fixtures.phone();
        Instant grantAt = now.minusSeconds(7200);
        Instant withdrawAt = now.minusSeconds(3600);
        String id = fx.event(phone, purpose, "sms", "GRANT", notice, grantAt).json().get("receipts").get(0)
                .get("subjectId").asString();
        fx.event(phone, purpose, "sms", "WITHDRAW", null, withdrawAt);
        assertThat(status(id, grantAt.minusSeconds(1))).isEmpty();
        assertThat(status(id, grantAt.plusSeconds(1))).containsExactly("GRANTED");
        assertThat(status(id, withdrawAt)).containsExactly("WITHDRAWN");
        assertThat(status(id, null)).containsExactly("WITHDRAWN");
    }

    private List<String> status(String subjectId, Instant at) {
        JsonNode consents = api.get("/api/v1/subjects/" + subjectId + "/consents" + (at == null ? "" : "?at=" + at))
                .json().get("consents");
        List<String> statuses = new ArrayList<>();
        consents.forEach(c -> statuses.add(c.get("status").asString()));
        return statuses;
    }

    @Test
    @DisplayName("concurrent batches naming the same new people create each person once, with every event and its evidence")
    void concurrent_batches_create_each_new_person_once() throws Exception {
        String purpose = fx.marketingPurpose(0);
        String notice = fx.notice(false, purpose);
        List<String> phones = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            phones.add(Fixtures.phone());
        }
        int threads = 4;
        var pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
        try {
            List<java.util.concurrent.Future<Api.Response>> sent = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                List<String> order = new ArrayList<>(phones);
                java.util.Collections.shuffle(order, new java.util.Random(t));
                List<String> events = new ArrayList<>();
                for (int i = 0; i < order.size(); i++) {
                    events.add(Fixtures.eventJson(order.get(i), purpose, "sms", i % 2 == 0 ? "GRANT" : "WITHDRAW",
                            notice, now.minusSeconds(t * 100L + i)));
                }
                String body = "{\"events\": [" + String.join(",", events) + "]}";
                sent.add(pool.submit(() -> api.post("/api/v1/consent-events", body)));
            }
            for (var f : sent) {
                Api.Response r = f.get();
                assertThat(r.status()).as(r.body()).isEqualTo(201);
            }
        } finally {
            pool.shutdown();
        }
        for (String phone : phones) {
            Api.Response found = api.get("/api/v1/subjects/lookup?type=phone&value=" + phone.replace("+", "%2B"));
            assertThat(found.status()).as(found.body()).isEqualTo(200);
            String subjectId = found.json().get("subjectId").asString();
            JsonNode history = api.get("/api/v1/subjects/" + subjectId + "/consent-events").json().get("events");
            assertThat(history).as(phone).hasSize(threads);
            history.forEach(e -> assertThat(e.get("evidence").get("ip").asString()).isEqualTo("203.0.113.7"));
        }
        assertThat(api.get("/api/v1/ledger/verify").json().get("valid").asBoolean()).isTrue();
    }

    @Test
    @DisplayName("a batch is all or nothing: one bad event rejects the batch with its pointer and writes nothing")
    void batch_is_all_or_nothing() {
        String purpose = fx.marketingPurpose(0);
        String notice = fx.notice(false, purpose);
        String good = Fixtures.phone();
        Api.Response r = api.post("/api/v1/consent-events", "{\"events\": ["
                + Fixtures.eventJson(good, purpose, "sms", "GRANT", notice, now) + ","
                + Fixtures.eventJson(Fixtures.phone(), purpose, "sms", "GRANT", null, now) + "]}");
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.json().get("errors").get(0).get("pointer").asString()).isEqualTo("/events/1/noticeVersion");
        assertThat(api.get("/api/v1/subjects/lookup?type=phone&value=" + good.replace("+", "%2B")).status())
                .isEqualTo(404);
    }

    @Test
    @DisplayName("a batch of more than 1000 events is refused")
    void oversized_batch_refused() {
        String purpose = fx.marketingPurpose(0);
        String notice = fx.notice(false, purpose);
        StringBuilder b = new StringBuilder("{\"events\": [");
        for (int i = 0; i < 1001; i++) {
            b.append(i == 0 ? "" : ",").append(Fixtures.eventJson(Fixtures.phone(), purpose, "sms", "GRANT", notice, now));
        }
        Api.Response r = api.post("/api/v1/consent-events", b.append("]}").toString());
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.json().get("detail").asString()).contains("1000");
    }

    @Test
    @DisplayName("capturedAt more than 5 minutes in the future is rejected")
    void future_capture_rejected() {
        String purpose = fx.marketingPurpose(0);
        String notice = fx.notice(false, purpose);
        Api.Response r = fx.event(Fixtures.phone(), purpose, "sms", "GRANT", notice, Instant.now().plusSeconds(600));
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.json().get("errors").get(0).get("pointer").asString()).isEqualTo("/events/0/capturedAt");
    }

    @Test
    @DisplayName("the same Idempotency-Key returns the same receipts and records nothing twice")
    void idempotency_key_replays() {
        String purpose = fx.marketingPurpose(0);
        String notice = fx.notice(false, purpose);
        String body = "{\"events\": [" + Fixtures.eventJson(Fixtures.phone(), purpose, "sms", "GRANT", notice, now) + "]}";
        String key = Fixtures.unique("idem");
        Api.Response first = api.post("/api/v1/consent-events", body, "Idempotency-Key", key);
        Api.Response second = api.post("/api/v1/consent-events", body, "Idempotency-Key", key);
        assertThat(first.status()).isEqualTo(201);
        assertThat(second.status()).isEqualTo(200);
        assertThat(second.json().get("receipts")).isEqualTo(first.json().get("receipts"));
        String subjectId = first.json().get("receipts").get(0).get("subjectId").asString();
        assertThat(api.get("/api/v1/subjects/" + subjectId + "/consent-events").json().get("events")).hasSize(1);
        Api.Response other = api.post("/api/v1/consent-events", body.replace("GRANT", "DENY")
                .replace("\"noticeVersion\": \"" + notice + "\",", ""), "Idempotency-Key", key);
        assertThat(other.status()).isEqualTo(409);
    }

    @Test
    @DisplayName("PIPL-14a editing a stored event behind the ledger's back makes verification name that event")
    void tampering_is_detected() {
        String purpose = fx.marketingPurpose(0);
        String notice = fx.notice(false, purpose);
        String eventId = fx.event(Fixtures.phone(), purpose, "sms", "GRANT", notice, now).json().get("receipts").get(0)
                .get("eventId").asString();
        assertThat(api.get("/api/v1/ledger/verify").json().get("valid").asBoolean()).isTrue();
        jdbc.update("UPDATE consent_event SET action = 'DENY' WHERE id = ?", Long.parseLong(eventId));
        try {
            JsonNode v = api.get("/api/v1/ledger/verify").json();
            assertThat(v.get("valid").asBoolean()).isFalse();
            assertThat(v.get("brokenAt").asString()).isEqualTo(eventId);
        } finally {
            jdbc.update("UPDATE consent_event SET action = 'GRANT' WHERE id = ?", Long.parseLong(eventId));
        }
        assertThat(api.get("/api/v1/ledger/verify").json().get("valid").asBoolean()).isTrue();
    }

    @Test
    @DisplayName("a receipt is a JWS that verifies with the published key and names the event and notice")
    void receipt_is_signed() throws Exception {
        String purpose = fx.marketingPurpose(0);
        String notice = fx.notice(false, purpose);
        JsonNode issued = fx.event(Fixtures.phone(), purpose, "sms", "GRANT", notice, now).json().get("receipts").get(0);
        JsonNode receipt = api.get("/api/v1/receipts/" + issued.get("receiptId").asString()).json();
        JWSObject jws = JWSObject.parse(receipt.get("jws").asString());
        ECKey key = ECKey.parse(api.get("/api/v1/receipts/public-key").body());
        assertThat(jws.verify(new ECDSAVerifier(key))).isTrue();
        assertThat(jws.getPayload().toJSONObject()).containsEntry("eventId", issued.get("eventId").asString())
                .containsEntry("noticeVersion", notice).containsEntry("hash", issued.get("hash").asString())
                .containsKey("piiControllers").containsEntry("jurisdiction", "CN");
        assertThat(api.get("/api/v1/receipts/rcpt_999999999").status()).isEqualTo(404);
    }
}
