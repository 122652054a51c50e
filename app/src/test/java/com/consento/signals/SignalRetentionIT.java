package com.consento.signals;

import static org.assertj.core.api.Assertions.assertThat;

import com.consento.testing.Api;
import com.consento.testing.Fixtures;
import com.consento.testing.IntegrationTest;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

@IntegrationTest
class SignalRetentionIT {
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
        api.put("/api/v1/purposes/browsing_history", """
                {"name": {"zh-CN": "浏览记录", "en": "Browsing history"}, "legalBasis": "CONSENT", "validityDays": 0,
                 "retentionDays": 180, "dataCategories": ["browsing_history"]}""");
    }

    private String browsingSubject(String phone) {
        String notice = fx.notice(false, "browsing_history");
        String id = fx.event(phone, "browsing_history", null, "GRANT", notice, Instant.now().minusSeconds(5)).json()
                .get("receipts").get(0).get("subjectId").asString();
        Api.Response kept = api.post("/api/v1/events/browse", """
                {"subject": "phone:%s", "sku": "SKU-1", "category": "toys", "occurredAt": "%s"}"""
                .formatted(phone, Instant.now().minusSeconds(2)));
        assertThat(kept.status()).as(kept.body()).isEqualTo(201);
        api.post("/api/v1/orders", """
                {"orderId": "%s", "subject": "phone:%s", "placedAt": "%s",
                 "lines": [{"sku": "SKU-1", "quantity": 1, "unitPrice": 12.5, "category": "toys"}]}"""
                .formatted(Fixtures.unique("ord"), phone, Instant.now().minusSeconds(60)));
        return id;
    }

    @Test
    @DisplayName("PIPL-47a after browsing consent is withdrawn, the next purge deletes the browsing kept for it")
    void withdrawal_then_purge_deletes_browsing() {
        String phone = Fixtures.phone();
        String id = browsingSubject(phone);
        assertThat(browsingRows(id)).isEqualTo(1);
        fx.event(phone, "browsing_history", null, "WITHDRAW", null, Instant.now().minusSeconds(1));
        JsonNode report = api.post("/api/v1/compliance/purge", "").json();
        assertThat(report.get("removed").get("browsing_history").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(browsingRows(id)).isZero();
        for (JsonNode c : api.get("/api/v1/compliance/retention").json().get("categories")) {
            assertThat(c.get("pastRetention").asLong()).as(c.toString()).isZero();
        }
    }

    @Test
    @DisplayName("PIPL-45a ECL-24 the export shows orders and browsing; erasure deletes browsing and unlinks orders")
    void export_and_erasure_cover_signals() {
        String phone = Fixtures.phone();
        String id = browsingSubject(phone);
        JsonNode export = api.get("/api/v1/subjects/" + id + "/export").json();
        assertThat(export.get("signals").get("orders")).hasSize(1);
        assertThat(export.get("signals").get("browsing")).hasSize(1);
        assertThat(api.delete("/api/v1/subjects/" + id).status()).isEqualTo(200);
        assertThat(browsingRows(id)).isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM signal_order WHERE subject_id = ?", Long.class, id)).isZero();
    }

    private long browsingRows(String subjectId) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM signal_browse WHERE subject_id = ?", Long.class, subjectId);
    }
}
