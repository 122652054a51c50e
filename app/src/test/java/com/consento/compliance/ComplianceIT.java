package com.consento.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import com.consento.shared.Sha256;
import com.consento.testing.Api;
import com.consento.testing.Fixtures;
import com.consento.testing.IntegrationTest;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

@IntegrationTest
class ComplianceIT {
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

    @Test
    @DisplayName("PIPL-54 the evidence pack holds the period's ledger rows, and every hash recomputes as its README says")
    void evidence_pack_verifies_on_its_own() throws Exception {
        Instant from = Instant.now().minusSeconds(1);
        String purpose = fx.marketingPurpose(0);
        String notice = fx.notice(false, purpose);
        String eventId = fx.event(Fixtures.phone(), purpose, "sms", "GRANT", notice, Instant.now().minusSeconds(5))
                .json().get("receipts").get(0).get("eventId").asString();
        Instant to = Instant.now().plusSeconds(1);
        HttpResponse<byte[]> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                        + port + "/api/v1/compliance/evidence?from=" + from + "&to=" + to))
                .header("Authorization", "Bearer " + Api.ADMIN_KEY).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(r.statusCode()).isEqualTo(200);
        Map<String, String> files = unzip(r.body());
        assertThat(files).containsKeys("README.md", "ledger-extract.csv", "verification.json", "notices.json",
                "purposes.json", "requests.json", "purge-reports.json", "receipt-public-key.json", "rules.json");
        assertThat(files.get("verification.json")).contains("\"valid\" : true");
        assertThat(files.get("notices.json")).contains(notice);
        List<String> lines = files.get("ledger-extract.csv").lines().toList();
        assertThat(lines.stream().skip(1).anyMatch(l -> l.startsWith(eventId + ","))).isTrue();
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",", -1);
            String canonical = String.join("\u001f", List.of(f).subList(0, 14));
            assertThat(Sha256.hex(f[14] + "\u001f" + canonical)).as("row " + f[0]).isEqualTo(f[15]);
        }
        assertThat(api.get("/api/v1/compliance/evidence?from=2026-01-02T00:00:00Z&to=2026-01-01T00:00:00Z").status())
                .isEqualTo(422);
    }

    @Test
    @DisplayName("PIPL-19 the purge removes what is past retention, reports it, and the count reads 0 afterwards")
    void purge_enforces_retention() {
        long old = Instant.now().minusSeconds(30L * 86_400).toEpochMilli();
        jdbc.update("INSERT INTO idempotency (scope, request_hash, status, response, created_at) VALUES (?, ?, 201, '[]', ?)",
                Fixtures.unique("old-key"), "0".repeat(64), old);
        assertThat(pastRetention("idempotency_keys")).isPositive();
        JsonNode report = api.post("/api/v1/compliance/purge", "").json();
        assertThat(report.get("removed").get("idempotency_keys").asLong()).isPositive();
        assertThat(pastRetention("idempotency_keys")).isZero();
        assertThat(api.as(null).get("/actuator/prometheus").body()).contains("consento_retention_past_retention");
        assertThat(api.get("/api/v1/compliance/rules").body()).contains("PIPL-19").contains("PIPL-54");
    }

    private long pastRetention(String category) {
        for (JsonNode c : api.get("/api/v1/compliance/retention").json().get("categories")) {
            if (c.get("category").asString().equals(category)) {
                return c.get("pastRetention").asLong();
            }
        }
        throw new AssertionError("no category " + category);
    }

    private static Map<String, String> unzip(byte[] zip) throws Exception {
        Map<String, String> files = new HashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
            for (var e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                files.put(e.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return files;
    }
}
