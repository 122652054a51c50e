package com.consento.channels;

import static org.assertj.core.api.Assertions.assertThat;

import com.consento.testing.Api;
import com.consento.testing.Fixtures;
import com.consento.testing.IntegrationTest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

@IntegrationTest
class SmsInboundIT {
    @LocalServerPort
    int port;
    Api api;
    Fixtures fx;
    Instant now;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        fx = new Fixtures(api);
        now = Instant.now().minusSeconds(60).truncatedTo(ChronoUnit.MILLIS);
    }

    private Api.Response sms(String from, String text, Instant receivedAt) {
        return api.post("/api/v1/inbound/sms", "{\"from\": \"%s\", \"text\": \"%s\", \"receivedAt\": \"%s\"}"
                .formatted(from, text, receivedAt));
    }

    private String subjectOf(String phone) {
        return api.get("/api/v1/subjects/lookup?type=phone&value=" + phone.replace("+", "%2B")).json().get("subjectId")
                .asString();
    }

    private List<JsonNode> history(String phone) {
        List<JsonNode> events = new ArrayList<>();
        api.get("/api/v1/subjects/" + subjectOf(phone) + "/consent-events").json().get("events").forEach(events::add);
        return events;
    }

    @Test
    @DisplayName("SMS-TD a stop reply withdraws every granted sms consent of that number, whatever the purpose; e-mail stays")
    void stop_reply_withdraws_every_sms_consent() {
        String marketing = fx.marketingPurpose(0);
        String birthday = fx.marketingPurpose(0);
        String notice = fx.notice(false, marketing, birthday);
        String phone = Fixtures.phone();
        fx.event(phone, marketing, "sms", "GRANT", notice, now.minusSeconds(120));
        fx.event(phone, birthday, "sms", "GRANT", notice, now.minusSeconds(120));
        fx.event(phone, marketing, "email", "GRANT", notice, now.minusSeconds(120));
        assertThat(fx.decision(phone, marketing, "sms")).isEqualTo("GRANTED");

        Api.Response r = sms(phone.substring(1), " ＴＤ。", now); // "86139…" without the plus, full-width keyword
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().get("action").asString()).isEqualTo("withdrawn");
        assertThat(r.json().get("keyword").asString()).isEqualTo("TD");
        assertThat(r.json().get("withdrawn")).hasSize(2);

        assertThat(fx.decision(phone, marketing, "sms")).isEqualTo("WITHDRAWN");
        assertThat(fx.decision(phone, birthday, "sms")).isEqualTo("WITHDRAWN");
        assertThat(fx.decision(phone, marketing, "email")).isEqualTo("GRANTED");
        List<JsonNode> withdrawals = history(phone).stream().filter(e -> e.get("action").asString().equals("WITHDRAW"))
                .toList();
        assertThat(withdrawals).hasSize(2).allSatisfy(e -> {
            assertThat(e.get("touchpoint").asString()).isEqualTo("SMS");
            assertThat(e.get("channel").asString()).isEqualTo("sms");
            assertThat(Instant.parse(e.get("capturedAt").asString())).isEqualTo(now);
            assertThat(e.get("evidence").get("method").asString()).isEqualTo("sms-reply");
        });

        // a repeated delivery of the same reply finds nothing left to withdraw
        assertThat(sms(phone, "TD", now).json().get("action").asString()).isEqualTo("none");
        assertThat(history(phone)).hasSize(5);
    }

    @Test
    @DisplayName("SMS-TD every keyword (T, N, R, 退订, any case) stops; the national number form is understood")
    void every_keyword_stops() {
        String marketing = fx.marketingPurpose(0);
        String notice = fx.notice(false, marketing);
        for (String keyword : List.of("t", "N", "r!", "【退订】", "Td")) {
            String phone = Fixtures.phone();
            fx.event(phone, marketing, "sms", "GRANT", notice, now.minusSeconds(60));
            Api.Response r = sms(phone.substring(3), keyword, now); // national form 139…
            assertThat(r.json().get("action").asString()).as(keyword).isEqualTo("withdrawn");
            assertThat(fx.decision(phone, marketing, "sms")).as(keyword).isEqualTo("WITHDRAWN");
        }
    }

    @Test
    @DisplayName("SMS-TD other text changes nothing and answers none")
    void other_text_changes_nothing() {
        String marketing = fx.marketingPurpose(0);
        String notice = fx.notice(false, marketing);
        String phone = Fixtures.phone();
        fx.event(phone, marketing, "sms", "GRANT", notice, now.minusSeconds(60));
        for (String text : List.of("好的，谢谢", "TD please", "T D", "", "YES")) {
            Api.Response r = sms(phone, text, now);
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.json().get("action").asString()).as(text).isEqualTo("none");
        }
        assertThat(fx.decision(phone, marketing, "sms")).isEqualTo("GRANTED");
        assertThat(history(phone)).hasSize(1);
    }

    @Test
    @DisplayName("SMS-TD an unknown or odd sender answers none, exactly like a customer with nothing to withdraw")
    void unknown_number_answers_none() {
        String unknown = Fixtures.phone();
        Api.Response r = sms(unknown, "TD", now);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body()).isEqualTo("{\"action\":\"none\"}");
        assertThat(sms("10086", "TD", now).body()).isEqualTo("{\"action\":\"none\"}");
        assertThat(sms("not-a-number", "TD", now).body()).isEqualTo("{\"action\":\"none\"}");
        assertThat(api.get("/api/v1/subjects/lookup?type=phone&value=" + unknown.replace("+", "%2B")).status())
                .isEqualTo(404);
    }

    @Test
    @DisplayName("SMS-TD a grant captured after the reply was received is not withdrawn by it")
    void later_grant_survives() {
        String marketing = fx.marketingPurpose(0);
        String notice = fx.notice(false, marketing);
        String phone = Fixtures.phone();
        fx.event(phone, marketing, "sms", "GRANT", notice, now);
        assertThat(sms(phone, "TD", now.minusSeconds(30)).json().get("action").asString()).isEqualTo("none");
        assertThat(fx.decision(phone, marketing, "sms")).isEqualTo("GRANTED");
    }

    @Test
    @DisplayName("SMS-TD the hook needs consent:write and a well-formed message")
    void validation_and_scope() {
        assertThat(api.post("/api/v1/inbound/sms", "{\"text\": \"TD\"}").status()).isEqualTo(422);
        assertThat(api.post("/api/v1/inbound/sms", "{\"from\": \"+8613800138000\", \"text\": \"TD\", \"receivedAt\": \"yesterday\"}")
                .status()).isEqualTo(422);
        assertThat(sms(Fixtures.phone(), "TD", Instant.now().plusSeconds(3600)).status()).isEqualTo(422);
        String reader = api.post("/api/v1/api-keys", "{\"name\": \"r\", \"scopes\": [\"decision:read\"]}").json().get("key")
                .asString();
        assertThat(api.as(reader).post("/api/v1/inbound/sms", "{\"from\": \"+8613800138000\", \"text\": \"TD\"}").status())
                .isEqualTo(403);
        String gateway = api.post("/api/v1/api-keys", "{\"name\": \"sms gateway\", \"scopes\": [\"consent:write\"]}")
                .json().get("key").asString();
        assertThat(api.as(gateway).post("/api/v1/inbound/sms", "{\"from\": \"+8613800138000\", \"text\": \"hi\"}").status())
                .isEqualTo(200);
    }
}
