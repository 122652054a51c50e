package com.consento.faults;

import static org.assertj.core.api.Assertions.assertThat;

import com.consento.ConsentoApplication;
import com.consento.testing.Api;
import java.net.URI;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The database goes away under a running server: writes answer 503 with Retry-After and record nothing;
 * decisions keep answering from memory; when the database is back, the same server recovers without restart.
 */
class DatabaseOutageIT {
    private static final String KEY = "outage-test-admin-key-0123456789";

    @Test
    @DisplayName("database unavailable: 503 with Retry-After, decisions still answer, recovery without restart")
    void database_outage_is_survivable() throws Exception {
        String url = System.getenv("CONSENTO_TEST_PG_URL");
        Assumptions.assumeTrue("postgres".equals(System.getProperty("consento.test.db")) && url != null,
                "runs on the PostgreSQL run");
        URI pg = URI.create(url.substring("jdbc:".length()));
        try (TcpProxy proxy = new TcpProxy(pg.getHost(), pg.getPort() < 0 ? 5432 : pg.getPort())) {
            String proxied = "jdbc:postgresql://127.0.0.1:" + proxy.port() + pg.getPath();
            // command-line arguments: they outrank application.properties, as an operator's settings would
            ConfigurableApplicationContext app = new SpringApplicationBuilder(ConsentoApplication.class).run(
                    "--server.port=0", "--consento.demo=false", "--consento.admin-key=" + KEY,
                    "--consento.data-dir=" + Files.createTempDirectory("consento-outage-"),
                    "--spring.datasource.url=" + proxied,
                    "--spring.datasource.username=" + System.getenv().getOrDefault("CONSENTO_TEST_PG_USER", "consento"),
                    "--spring.datasource.password=" + System.getenv().getOrDefault("CONSENTO_TEST_PG_PASSWORD", "consento"));
            try {
                int port = ((WebServerApplicationContext) app).getWebServer().getPort();
                Api api = new Api(port, KEY);
                String purpose = "outage_" + System.nanoTime();
                assertThat(api.put("/api/v1/purposes/" + purpose, """
                        {"name": {"en": "x"}, "legalBasis": "CONSENT", "channels": ["sms"], "validityDays": 0,
                         "retentionDays": 30}""").status()).isEqualTo(201);
                assertThat(api.post("/api/v1/notices", """
                        {"version": "%s", "locale": "en", "title": "t", "body": "b", "handler": {"name": "h", "contact": "c"},
                         "officerContact": "o", "purposes": ["%s"], "methods": "m", "dataCategories": ["phone"],
                         "retention": "r", "rights": "r", "material": false}""".formatted(purpose, purpose)).status())
                        .isEqualTo(201);
                String member = "outage-" + System.nanoTime();
                String event = """
                        {"events": [{"subject": {"identifiers": [{"type": "member", "value": "%s"}]}, "purpose": "%s",
                          "channel": "sms", "action": "%s", "noticeVersion": "%s", "touchpoint": "APP", "capturedAt": "%s"}]}""";
                assertThat(api.post("/api/v1/consent-events", event.formatted(member, purpose, "GRANT", purpose,
                        Instant.now().minusSeconds(10))).status()).isEqualTo(201);

                proxy.cut();
                Api.Response refused = api.post("/api/v1/consent-events", event.formatted(member, purpose, "WITHDRAW",
                        purpose, Instant.now().minusSeconds(5)));
                assertThat(refused.status()).isEqualTo(503);
                assertThat(refused.header("Retry-After")).isNotBlank();
                assertThat(refused.contentType()).startsWith("application/problem+json");
                assertThat(api.get("/api/v1/decisions?subject=member:" + member + "&purpose=" + purpose + "&channel=sms")
                        .json().get("reason").asString()).as("decisions read memory").isEqualTo("GRANTED");

                proxy.restore();
                long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
                int status = 0;
                while (System.nanoTime() < deadline && status != 201) {
                    status = api.post("/api/v1/consent-events", event.formatted(member, purpose, "WITHDRAW", purpose,
                            Instant.now().minusSeconds(5))).status();
                }
                assertThat(status).as("recovers without restart").isEqualTo(201);
                assertThat(api.get("/api/v1/decisions?subject=member:" + member + "&purpose=" + purpose + "&channel=sms")
                        .json().get("reason").asString()).isEqualTo("WITHDRAWN");
            } finally {
                app.close();
            }
        }
    }
}
