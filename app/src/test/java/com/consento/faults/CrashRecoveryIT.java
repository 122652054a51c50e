package com.consento.faults;

import static org.assertj.core.api.Assertions.assertThat;

import com.consento.testing.Api;
import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * "Nothing ever lost": the real server, killed with SIGKILL in the middle of concurrent ingest on the embedded
 * database, restarts with every acknowledged event present and the ledger valid.
 */
class CrashRecoveryIT {
    private static final String KEY = "crash-test-admin-key-0123456789";

    @Test
    @DisplayName("SIGKILL during concurrent ingest loses no acknowledged event and leaves the ledger valid")
    void sigkill_loses_no_acknowledged_event() throws Exception {
        Assumptions.assumeTrue("sqlite".equals(System.getProperty("consento.test.db", "sqlite")),
                "the crash test runs once, on the embedded database");
        Path jar = Path.of("target/consento.jar");
        assertThat(jar).as("the executable jar is built before the integration tests").exists();
        Path data = Files.createTempDirectory("consento-crash-");
        int port = freePort();
        Process server = start(jar, data, port);
        ConcurrentLinkedQueue<String> acknowledged = new ConcurrentLinkedQueue<>();
        try {
            Api api = await(port);
            api.put("/api/v1/purposes/marketing", """
                    {"name": {"en": "Marketing"}, "legalBasis": "CONSENT", "channels": ["sms"], "validityDays": 0,
                     "retentionDays": 365}""");
            api.post("/api/v1/notices", """
                    {"version": "n1", "locale": "en", "title": "t", "body": "b", "handler": {"name": "h", "contact": "c"},
                     "officerContact": "o", "purposes": ["marketing"], "methods": "m", "dataCategories": ["phone"],
                     "retention": "r", "rights": "r", "material": false}""");
            AtomicBoolean running = new AtomicBoolean(true);
            AtomicInteger sequence = new AtomicInteger();
            ExecutorService writers = Executors.newFixedThreadPool(4);
            for (int w = 0; w < 4; w++) {
                writers.submit(() -> {
                    while (running.get()) {
                        StringBuilder batch = new StringBuilder("{\"events\": [");
                        for (int i = 0; i < 50; i++) {
                            int n = sequence.incrementAndGet();
                            batch.append(i == 0 ? "" : ",").append("""
                                    {"subject": {"identifiers": [{"type": "member", "value": "M%d"}]}, "purpose": "marketing",
                                     "channel": "sms", "action": "GRANT", "noticeVersion": "n1", "touchpoint": "STORE",
                                     "capturedAt": "%s"}""".formatted(n, Instant.now().minusSeconds(1)));
                        }
                        try {
                            Api.Response r = api.post("/api/v1/consent-events", batch.append("]}").toString());
                            if (r.status() == 201) {
                                r.json().get("receipts").forEach(x -> acknowledged.add(x.get("receiptId").asString()));
                            }
                        } catch (RuntimeException connectionLost) {
                            return;
                        }
                    }
                });
            }
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (acknowledged.size() < 1000 && System.nanoTime() < deadline) {
                Thread.onSpinWait();
                Thread.sleep(5);
            }
            server.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            running.set(false);
            writers.shutdown();
            assertThat(writers.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
            assertThat(acknowledged).hasSizeGreaterThan(100);

            server = start(jar, data, port);
            Api restarted = await(port);
            JsonNode verify = restarted.get("/api/v1/ledger/verify").json();
            assertThat(verify.get("valid").asBoolean()).as(verify.toString()).isTrue();
            assertThat(verify.get("events").asLong()).isGreaterThanOrEqualTo(acknowledged.size());
            List<String> missing = acknowledged.stream().filter(r -> restarted.get("/api/v1/receipts/" + r).status() != 200)
                    .toList();
            assertThat(missing).as("acknowledged but lost").isEmpty();
        } finally {
            server.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    private static Process start(Path jar, Path data, int port) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-jar", jar.toString());
        pb.environment().put("CONSENTO_DATA_DIR", data.toString());
        pb.environment().put("SERVER_PORT", Integer.toString(port));
        pb.environment().put("CONSENTO_ADMIN_KEY", KEY);
        pb.environment().put("CONSENTO_DEMO", "false");
        pb.environment().remove("SPRING_DATASOURCE_URL");
        pb.redirectErrorStream(true).redirectOutput(new File(data.toFile(), "server-" + System.nanoTime() + ".log"));
        return pb.start();
    }

    private static Api await(int port) throws InterruptedException {
        Api api = new Api(port, KEY);
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (api.get("/api/v1/ping").status() == 200) {
                    return api;
                }
            } catch (RuntimeException notYet) {
                // the server is still starting
            }
            Thread.sleep(100);
        }
        throw new AssertionError("server did not start on port " + port);
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
