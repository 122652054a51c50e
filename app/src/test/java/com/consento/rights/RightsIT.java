package com.consento.rights;

import static org.assertj.core.api.Assertions.assertThat;

import com.consento.testing.Api;
import com.consento.testing.Fixtures;
import com.consento.testing.IntegrationTest;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

@IntegrationTest
class RightsIT {
    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    Api api;
    Fixtures fx;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        fx = new Fixtures(api);
    }

    private String subjectWithConsent(String phone, String email) {
        String purpose = fx.marketingPurpose(0);
        String notice = fx.notice(false, purpose);
        String id = api.post("/api/v1/subjects", """
                {"identifiers": [{"type": "phone", "value": "%s"}, {"type": "email", "value": "%s"}],
                 "profile": {"city": "Suzhou", "birthDate": "1988-03-14"}}""".formatted(phone, email))
                .json().get("subjectId").asString();
        assertThat(fx.event(phone, purpose, "sms", "GRANT", notice, Instant.now().minusSeconds(30)).status()).isEqualTo(201);
        return id + "|" + purpose;
    }

    @Test
    @DisplayName("PIPL-50 PIPL-48 an explanation request is due in 15 working days and answered; a refusal needs a reason")
    void request_lifecycle() {
        String id = subjectWithConsent(Fixtures.phone(), Fixtures.unique("r") + "@example.com").split("\\|")[0];
        Api.Response filed = api.post("/api/v1/subjects/" + id + "/requests", "{\"type\": \"EXPLANATION\", "
                + "\"details\": \"为什么给我推荐这个？\"}");
        assertThat(filed.status()).as(filed.body()).isEqualTo(201);
        JsonNode r = filed.json();
        assertThat(r.get("status").asString()).isEqualTo("RECEIVED");
        Instant due = Instant.parse(r.get("dueAt").asString());
        assertThat(due).isAfter(Instant.now().plus(Duration.ofDays(18))).isBefore(Instant.now().plus(Duration.ofDays(40)));
        String requestId = r.get("id").asString();
        assertThat(api.post("/api/v1/subjects/" + id + "/requests", "{\"type\": \"GOSSIP\"}").status()).isEqualTo(422);
        assertThat(api.post("/api/v1/requests/" + requestId + "/assign", "{\"assignee\": \"dpo\"}").json()
                .get("status").asString()).isEqualTo("IN_PROGRESS");
        Api.Response noReason = api.post("/api/v1/requests/" + requestId + "/refuse", "{}");
        assertThat(noReason.status()).isEqualTo(422);
        assertThat(noReason.body()).contains("PIPL-50");
        JsonNode refused = api.post("/api/v1/requests/" + requestId + "/refuse",
                "{\"reason\": \"the recommendation explanation is shown on each item\"}").json();
        assertThat(refused.get("status").asString()).isEqualTo("REFUSED");
        assertThat(refused.get("resolution").asString()).contains("explanation");
        assertThat(api.post("/api/v1/requests/" + requestId + "/complete", "{}").status()).isEqualTo(409);
        assertThat(api.get("/api/v1/requests?status=REFUSED").body()).contains(requestId);
        assertThat(api.as(null).get("/actuator/prometheus").body()).contains("consento_requests_overdue");
    }

    @Test
    @DisplayName("PIPL-45a PIPL-45c the export holds identifiers, profile and consent history, as JSON and as a zip")
    void export_everything() throws Exception {
        String phone = Fixtures.phone();
        String email = Fixtures.unique("exp") + "@example.com";
        String id = subjectWithConsent(phone, email).split("\\|")[0];
        JsonNode export = api.get("/api/v1/subjects/" + id + "/export").json();
        assertThat(export.get("identifiers").toString()).contains(phone).contains(email);
        assertThat(export.get("profile").get("city").asString()).isEqualTo("Suzhou");
        assertThat(export.get("consents")).hasSize(1);
        assertThat(export.get("consentHistory").get(0).get("receiptId").asString()).startsWith("rcpt_");
        assertThat(export.has("preferences")).isTrue();
        assertThat(export.has("signals")).isTrue();

        HttpResponse<byte[]> zip = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/api/v1/subjects/" + id + "/export?format=zip"))
                .header("Authorization", "Bearer " + Api.ADMIN_KEY).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(zip.statusCode()).isEqualTo(200);
        List<String> names = new ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip.body()), StandardCharsets.UTF_8)) {
            for (var e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                names.add(e.getName());
            }
        }
        assertThat(names).containsExactlyInAnyOrder("export.json", "consents.csv", "consent-history.csv", "README.md");
    }

    @Test
    @DisplayName("ECL-24 PIPL-47b erasure shreds the subject: decisions say SUBJECT_ERASED, nothing identifying "
            + "remains in the database, and the ledger still verifies")
    void erasure_is_crypto_shredding() {
        String phone = Fixtures.phone();
        String email = Fixtures.unique("gone") + "@example.com";
        String[] created = subjectWithConsent(phone, email).split("\\|");
        String id = created[0];
        String purpose = created[1];
        Api.Response erased = api.delete("/api/v1/subjects/" + id);
        assertThat(erased.status()).as(erased.body()).isEqualTo(200);
        assertThat(erased.json().get("removed").get("identifiers").asInt()).isEqualTo(2);

        JsonNode decision = api.get("/api/v1/decisions?subject=" + id + "&purpose=" + purpose + "&channel=sms").json();
        assertThat(decision.get("allowed").asBoolean()).isFalse();
        assertThat(decision.get("reason").asString()).isEqualTo("SUBJECT_ERASED");
        assertThat(fx.decision(phone, purpose, "sms")).isEqualTo("UNKNOWN_SUBJECT");
        assertThat(api.get("/api/v1/subjects/lookup?type=phone&value=" + phone.replace("+", "%2B")).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/subjects/" + id + "/export").status()).isEqualTo(404);

        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM identifier WHERE subject_id = ?", Long.class, id)).isZero();
        var row = jdbc.queryForMap("SELECT status, data_key, profile_enc FROM subject WHERE id = ?", id);
        assertThat(row.get("status")).isEqualTo("ERASED");
        assertThat(row.get("data_key")).isNull();
        assertThat(row.get("profile_enc")).isNull();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM consent_event WHERE subject_id = ?", Long.class, id))
                .as("consent evidence stays as proof").isEqualTo(1);
        assertThat(api.get("/api/v1/ledger/verify").json().get("valid").asBoolean()).isTrue();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM outbox WHERE type = 'subject.erased' AND subject_id = ?",
                Long.class, id)).as("downstream systems are told").isEqualTo(1);
    }
}
