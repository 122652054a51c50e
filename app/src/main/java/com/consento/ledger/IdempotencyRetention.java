package com.consento.ledger;

import com.consento.shared.RetainedData;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Idempotency records only need to outlive a client's retries: they are kept for a week by default. */
@Component
class IdempotencyRetention implements RetainedData {
    private static final long DAY = 86_400_000L;
    private final JdbcClient jdbc;
    private final int days;

    IdempotencyRetention(JdbcClient jdbc, @Value("${consento.retention.idempotency-days:7}") int days) {
        this.jdbc = jdbc;
        this.days = days;
    }

    @Override
    public String category() {
        return "idempotency_keys";
    }

    @Override
    public int retentionDays() {
        return days;
    }

    @Override
    public long countPastRetention(long now) {
        return jdbc.sql("SELECT COUNT(*) FROM idempotency WHERE created_at < ?").param(now - days * DAY)
                .query(Long.class).single();
    }

    @Override
    public long purge(long now) {
        return jdbc.sql("DELETE FROM idempotency WHERE created_at < ?").param(now - days * DAY).update();
    }
}
