package com.consento.signals;

import com.consento.catalog.CatalogService;
import com.consento.decisions.DecisionService;
import com.consento.shared.RetainedData;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Browsing history is kept for the retention period of the {@code browsing_history} purpose, and only while
 * the person allows it: a withdrawal makes what was kept purposeless, and the next purge deletes it
 * (PIPL-19, PIPL-47a).
 */
@Component
class BrowsingRetention implements RetainedData {
    static final String PURPOSE = "browsing_history";
    private static final long DAY = 86_400_000L;
    private static final int DEFAULT_DAYS = 180;
    private final JdbcClient jdbc;
    private final CatalogService catalog;
    private final DecisionService decisions;

    BrowsingRetention(JdbcClient jdbc, CatalogService catalog, DecisionService decisions) {
        this.jdbc = jdbc;
        this.catalog = catalog;
        this.decisions = decisions;
    }

    @Override
    public String category() {
        return PURPOSE;
    }

    @Override
    public int retentionDays() {
        return catalog.snapshot().purpose(PURPOSE).map(p -> p.retentionDays()).orElse(DEFAULT_DAYS);
    }

    @Override
    public long countPastRetention(long now) {
        long expired = jdbc.sql("SELECT COUNT(*) FROM signal_browse WHERE occurred_at < ?")
                .param(now - retentionDays() * DAY).query(Long.class).single();
        return expired + withoutConsent().stream().mapToLong(this::rowsOf).sum();
    }

    @Override
    public long purge(long now) {
        long removed = jdbc.sql("DELETE FROM signal_browse WHERE occurred_at < ?").param(now - retentionDays() * DAY)
                .update();
        for (String subject : withoutConsent()) {
            removed += jdbc.sql("DELETE FROM signal_browse WHERE subject_id = ?").param(subject).update();
        }
        return removed;
    }

    /** Subjects with browsing kept whose decision for browsing_history no longer allows. */
    private List<String> withoutConsent() {
        return jdbc.sql("SELECT DISTINCT subject_id FROM signal_browse").query(String.class).list().stream()
                .filter(s -> !decisions.decide(s, PURPOSE, null).allowed()).toList();
    }

    private long rowsOf(String subject) {
        return jdbc.sql("SELECT COUNT(*) FROM signal_browse WHERE subject_id = ?").param(subject).query(Long.class)
                .single();
    }
}
