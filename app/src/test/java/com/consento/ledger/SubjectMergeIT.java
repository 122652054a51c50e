package com.consento.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import com.consento.testing.Api;
import com.consento.testing.Fixtures;
import com.consento.testing.IntegrationTest;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

@IntegrationTest
class SubjectMergeIT {
    @LocalServerPort
    int port;
    Api api;
    Fixtures fx;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        fx = new Fixtures(api);
    }

    private String subject(String type, String value) {
        return api.post("/api/v1/subjects", "{\"identifiers\": [{\"type\": \"" + type + "\", \"value\": \"" + value + "\"}]}")
                .json().get("subjectId").asString();
    }

    @Test
    @DisplayName("merging resolves both histories by capture time, records the merge, and keeps both ids resolvable")
    void merge_joins_histories_by_capture_time() {
        String purpose = fx.marketingPurpose(0);
        String notice = fx.notice(false, purpose);
        String phone = Fixtures.phone();
        String openid = Fixtures.unique("wx-openid");
        String store = subject("phone", phone);
        String wechat = subject("wechat_openid", openid);
        Instant t = Instant.now().minusSeconds(600);
        // in store the person withdrew SMS later than they had granted it in the mini-program
        api.post("/api/v1/consent-events", "{\"events\": [" + event(wechat, purpose, "sms", "GRANT", notice, t) + ","
                + event(wechat, purpose, "email", "GRANT", notice, t) + "]}");
        api.post("/api/v1/consent-events", "{\"events\": [" + event(store, purpose, "sms", "WITHDRAW", null,
                t.plusSeconds(60)) + "]}");

        Api.Response merged = api.post("/api/v1/subjects/merge", "{\"survivor\": \"" + store + "\", \"merged\": \""
                + wechat + "\", \"reason\": \"same member at the till\"}");
        assertThat(merged.status()).as(merged.body()).isEqualTo(200);
        assertThat(merged.json().get("subjectId").asString()).isEqualTo(store);

        assertThat(reason(store, purpose, "sms")).isEqualTo("WITHDRAWN");
        assertThat(reason(store, purpose, "email")).isEqualTo("GRANTED");
        assertThat(reason(wechat, purpose, "email")).as("the old id resolves to the survivor").isEqualTo("GRANTED");
        assertThat(api.get("/api/v1/decisions?subject=wechat_openid:" + openid + "&purpose=" + purpose
                + "&channel=email").json().get("reason").asString()).isEqualTo("GRANTED");
        assertThat(api.get("/api/v1/subjects/lookup?type=wechat_openid&value=" + openid).json().get("subjectId")
                .asString()).isEqualTo(store);

        JsonNode history = api.get("/api/v1/subjects/" + store + "/consent-events").json().get("events");
        assertThat(history).hasSize(4);
        assertThat(history.toString()).contains("MERGE").contains(wechat);
        assertThat(api.get("/api/v1/subjects/" + store + "/consents").json().get("consents")).hasSize(2);
        assertThat(api.get("/api/v1/ledger/verify").json().get("valid").asBoolean()).isTrue();
    }

    @Test
    @DisplayName("linking an identifier that belongs to another subject merges the two")
    void linking_merges() {
        String purpose = fx.marketingPurpose(0);
        String notice = fx.notice(false, purpose);
        String phone = Fixtures.phone();
        String member = Fixtures.unique("M");
        String a = subject("member", member);
        String b = subject("phone", phone);
        fx.event(phone, purpose, "sms", "GRANT", notice, Instant.now().minusSeconds(5));
        Api.Response linked = api.post("/api/v1/subjects/" + a + "/identifiers",
                "{\"identifiers\": [{\"type\": \"phone\", \"value\": \"" + phone + "\"}]}");
        assertThat(linked.status()).as(linked.body()).isEqualTo(200);
        assertThat(api.get("/api/v1/subjects/lookup?type=phone&value=" + phone.replace("+", "%2B")).json()
                .get("subjectId").asString()).isEqualTo(a);
        assertThat(reason(a, purpose, "sms")).isEqualTo("GRANTED");
        assertThat(reason(b, purpose, "sms")).isEqualTo("GRANTED");
    }

    @Test
    @DisplayName("merges are not consent events: a batch that says MERGE is refused")
    void merge_action_refused_in_batches() {
        String purpose = fx.marketingPurpose(0);
        Api.Response r = api.post("/api/v1/consent-events", "{\"events\": [" + Fixtures.eventJson(Fixtures.phone(),
                purpose, "sms", "MERGE", null, Instant.now()) + "]}");
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.body()).contains("/events/0/action");
    }

    private String reason(String subject, String purpose, String channel) {
        return api.get("/api/v1/decisions?subject=" + subject + "&purpose=" + purpose + "&channel=" + channel).json()
                .get("reason").asString();
    }

    private static String event(String subject, String purpose, String channel, String action, String notice, Instant at) {
        return """
                {"subject": {"id": "%s"}, "purpose": "%s", "channel": "%s", "action": "%s", %s
                 "touchpoint": "MINI_PROGRAM", "capturedAt": "%s"}""".formatted(subject, purpose, channel, action,
                notice == null ? "" : "\"noticeVersion\": \"" + notice + "\",", at);
    }
}
