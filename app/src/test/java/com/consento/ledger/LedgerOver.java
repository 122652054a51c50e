package com.consento.ledger;

import java.time.Clock;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;

/** The production ledger classes over any data source, for tests that build a database by hand. */
public final class LedgerOver {
    private LedgerOver() {
    }

    /** The very verifier the service runs ({@code GET /api/v1/ledger/verify}), reading {@code dataSource}. */
    public static LedgerVerifier verifier(DataSource dataSource, Clock clock) {
        try {
            return new LedgerVerifier(new LedgerStore(new JdbcTemplate(dataSource), dataSource), clock);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
