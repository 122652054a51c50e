package com.consento.propagation;

import static org.assertj.core.api.Assertions.assertThat;

import com.consento.ConsentoApplication;
import com.consento.testing.Api;
import com.consento.testing.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Webhook throughput: deliveries per second from one node's relay to one local receiver that answers 204 at
 * once, draining a backlog of changes recorded while the relay was stopped. Not part of the suite (the name matches neither *Test nor *IT); run it with
 * {@code ./mvnw -o -pl app test -Dtest=WebhookThroughputBench -Dsurefire.failIfNoSpecifiedTests=false}
 * ({@code -Dbench.changes=20000}; {@code -Dbench.pg-url=jdbc:postgresql://…} with {@code -Dbench.pg-user} and
 * {@code -Dbench.pg-password} to run on PostgreSQL instead of SQLite, in a database {@code consento_bench_webhooks} that is
 * dropped and created again).
 */
class WebhookThroughputBench {

    @Test
    void deliveries_per_second() throws Exception {
        int changes = Integer.getInteger("bench.changes", 20_000);
        String pg = System.getProperty("bench.pg-url", "");
        List<String> args = new ArrayList<>(List.of("--server.port=0", "--consento.admin-key=" + Api.ADMIN_KEY,
                "--consento.demo=false", "--consento.data-dir=" + Files.createTempDirectory("consento-bench-"),
                "--logging.level.root=WARN"));
        if (!pg.isBlank()) {
            String user = System.getProperty("bench.pg-user", "consento");
            String password = System.getProperty("bench.pg-password", "consento");
            try (var c = java.sql.DriverManager.getConnection(pg, user, password); var s = c.createStatement()) {
                s.execute("DROP DATABASE IF EXISTS consento_bench_webhooks WITH (FORCE)");
                s.execute("CREATE DATABASE consento_bench_webhooks");
            }
            args.addAll(List.of("--spring.datasource.url=" + com.consento.testing.ClusterNodes.withDatabase(pg, "consento_bench_webhooks"),
                    "--spring.datasource.username=" + user, "--spring.datasource.password=" + password));
        }
        try (ConfigurableApplicationContext ctx = new SpringApplicationBuilder(ConsentoApplication.class)
                .run(args.toArray(String[]::new)); Receiver receiver = new Receiver().answering(r -> 204)) {
            Api api = new Api(Integer.parseInt(ctx.getEnvironment().getProperty("local.server.port")));
            Fixtures fx = new Fixtures(api);
            String purpose = fx.marketingPurpose(0);
            String notice = fx.notice(false, purpose);
            Api.Response hook = api.post("/api/v1/webhooks", """
                    {"url": "%s", "secret": "bench-secret-0123456789", "events": ["consent.changed"]}"""
                    .formatted(receiver.url("/bench")));
            assertThat(hook.status()).as(hook.body()).isEqualTo(201);

            // the backlog first, with the relay stopped, so that the figure is the relay's and not the ingest's
            Relay relay = ctx.getBean(Relay.class);
            relay.stop();
            long start = System.nanoTime();
            Instant at = Instant.now().truncatedTo(ChronoUnit.MILLIS);
            for (int done = 0; done < changes; done += 1000) {
                StringBuilder batch = new StringBuilder();
                for (int i = 0; i < Math.min(1000, changes - done); i++) {
                    batch.append(i == 0 ? "" : ",").append(Fixtures.eventJson(Fixtures.phone(), purpose, "sms",
                            "GRANT", notice, at));
                }
                Api.Response r = api.post("/api/v1/consent-events", "{\"events\": [" + batch + "]}");
                assertThat(r.status()).as(r.body()).isEqualTo(201);
            }
            long ingested = System.nanoTime();
            var os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                    .getOperatingSystemMXBean();
            long cpuBefore = os.getProcessCpuTime();
            relay.start();
            while (receiver.requests().size() < changes) {
                if (System.nanoTime() - ingested > 300_000_000_000L) {
                    throw new AssertionError("only " + receiver.requests().size() + " deliveries after 5 minutes");
                }
                Thread.sleep(5);
            }
            long cpu = os.getProcessCpuTime() - cpuBefore;
            List<Receiver.Request> got = receiver.requests();
            long first = got.stream().mapToLong(Receiver.Request::receivedNanos).min().orElseThrow();
            long last = got.stream().mapToLong(Receiver.Request::receivedNanos).max().orElseThrow();
            double seconds = (last - first) / 1e9;
            String line = String.format(Locale.ROOT, "webhook throughput (%s): a backlog of %d changes delivered "
                            + "in %.2f s = %.0f deliveries/s (first to last received; relay started after ingest, "
                            + "which took %.2f s); process CPU %.0f µs per delivery, receiver included (= %.0f "
                            + "deliveries per CPU-second); %d cores, load %.1f", pg.isBlank() ? "SQLite" : "PostgreSQL",
                    got.size(), seconds, got.size() / seconds, (ingested - start) / 1e9, cpu / 1e3 / got.size(),
                    got.size() / (cpu / 1e9), os.getAvailableProcessors(), os.getSystemLoadAverage());
            System.out.println(line);
            Files.writeString(Path.of("target", "webhook-throughput.txt"), line + System.lineSeparator());
        }
    }
}
