package com.consento.compliance;

import com.consento.shared.RetainedData;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The retention purge (PIPL-19, PIPL-47a): every category of retained data deletes what is past its period
 * or no longer has a purpose; each run is reported and kept; the count past retention is a metric that reads
 * 0 after a purge.
 */
@Service
public class RetentionService {
    private static final Logger log = LoggerFactory.getLogger(RetentionService.class);
    private final List<RetainedData> categories;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final JsonMapper json;
    private final Clock clock;

    RetentionService(List<RetainedData> categories, JdbcClient jdbc, TransactionTemplate tx, JsonMapper json,
                     MeterRegistry metrics, Clock clock) {
        this.categories = categories;
        this.jdbc = jdbc;
        this.tx = tx;
        this.json = json;
        this.clock = clock;
        Gauge.builder("consento.retention.past_retention", () -> pastRetention().values().stream()
                        .mapToLong(Long::longValue).sum())
                .description("records held past their retention period").register(metrics);
    }

    public record Category(String category, int retentionDays, long pastRetention) {
    }

    public record PurgeReport(String id, Instant ranAt, Map<String, Long> removed) {
    }

    public List<Category> status() {
        long now = clock.millis();
        return categories.stream().map(c -> new Category(c.category(), c.retentionDays(), c.countPastRetention(now)))
                .toList();
    }

    Map<String, Long> pastRetention() {
        Map<String, Long> counts = new LinkedHashMap<>();
        status().forEach(c -> counts.put(c.category(), c.pastRetention()));
        return counts;
    }

    /** Runs nightly at 03:00 (server time) and on demand. */
    @Scheduled(cron = "${consento.retention.cron:0 0 3 * * *}")
    public PurgeReport purge() {
        long now = clock.millis();
        Map<String, Long> removed = new LinkedHashMap<>();
        PurgeReport report = tx.execute(s -> {
            categories.forEach(c -> removed.put(c.category(), c.purge(now)));
            PurgeReport r = new PurgeReport("purge_" + UUID.randomUUID().toString().replace("-", ""),
                    Instant.ofEpochMilli(now), removed);
            jdbc.sql("INSERT INTO purge_report (id, ran_at, removed) VALUES (?, ?, ?)")
                    .params(r.id(), now, json.writeValueAsString(removed)).update();
            return r;
        });
        log.info("retention purge {} removed {}", report.id(), removed);
        return report;
    }

    public List<PurgeReport> reports(long from, long to) {
        return jdbc.sql("SELECT id, ran_at, removed FROM purge_report WHERE ran_at >= ? AND ran_at < ? ORDER BY ran_at")
                .params(from, to).query((rs, n) -> new PurgeReport(rs.getString(1), Instant.ofEpochMilli(rs.getLong(2)),
                        json.readValue(rs.getString(3), new TypeReference<Map<String, Long>>() { })))
                .list();
    }
}
