package com.consento.compliance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.consento.ledger.Action;
import com.consento.ledger.HashChain;
import com.consento.ledger.LedgerOver;
import com.consento.ledger.LedgerVerifier;
import com.consento.ledger.RecordedEvent;
import com.consento.ledger.StateReplay;
import com.consento.ledger.Touchpoint;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * A person's choices survive every upgrade (APP-III.5), proved two ways against the real migrations: rows written
 * under the oldest schema (V1, where the consent tables were created and never changed since) are read back byte
 * for byte after each later migration, and the production verifier still finds every chain intact; and no
 * migration file may update, delete, drop, truncate or insert consent rows.
 */
class UpgradeKeepsChoicesTest {
    private static final String MIGRATIONS = "src/main/resources/db/migration";
    private static final List<String> EVENT_COLUMNS = List.of("id", "part", "seq", "subject_id", "purpose", "channel",
            "action", "notice_version", "touchpoint", "captured_at", "recorded_at", "actor_type", "actor_enc",
            "evidence_enc", "prev_hash", "hash");
    private static final List<String> STATE_COLUMNS = List.of("subject_id", "purpose", "channel", "event_id", "action",
            "notice_version", "notice_seq", "guardian", "captured_at", "recorded_at");
    private static final Pattern CONSENT_TABLE = Pattern.compile("\\bconsent_(event|state)\\b", Pattern.CASE_INSENSITIVE);
    /** What a migration may do to a consent table: create it, or index it. */
    private static final Pattern HARMLESS = Pattern.compile("^(CREATE\\s+TABLE|CREATE\\s+(UNIQUE\\s+)?INDEX)\\b.*",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-01T00:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    @Test
    @DisplayName("APP-III.5 consent events, state rows and hashes written under V1 are unchanged by every later migration on SQLite, and the ledger verifies")
    void upgrading_sqlite_from_v1_keeps_every_choice() {
        DriverManagerDataSource ds = new DriverManagerDataSource("jdbc:sqlite:" + dir.resolve("upgrade.db"));
        upgradeKeepsChoices(ds, null);
    }

    @Test
    @DisplayName("APP-III.5 consent events, state rows and hashes written under V1 are unchanged by every later migration on PostgreSQL, and the ledger verifies")
    void upgrading_postgresql_from_v1_keeps_every_choice() {
        String url = System.getenv("CONSENTO_TEST_PG_URL");
        boolean ci = "true".equalsIgnoreCase(System.getenv("CI"));
        if (url == null || url.isBlank()) {
            Assumptions.assumeTrue(ci, "PostgreSQL: set CONSENTO_TEST_PG_URL (CI fails instead)");
            fail("CONSENTO_TEST_PG_URL is not set; CI runs this test on PostgreSQL");
        }
        // A schema of its own, dropped afterwards: the shared test database's public schema is never touched.
        String schema = "upgrade_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        String user = System.getenv().getOrDefault("CONSENTO_TEST_PG_USER", "consento");
        String password = System.getenv().getOrDefault("CONSENTO_TEST_PG_PASSWORD", "consento");
        DriverManagerDataSource admin = new DriverManagerDataSource(url, user, password);
        DriverManagerDataSource ds = new DriverManagerDataSource(url + (url.contains("?") ? "&" : "?")
                + "currentSchema=" + schema, user, password);
        try {
            upgradeKeepsChoices(ds, schema);
        } finally {
            new JdbcTemplate(admin).execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        }
    }

    @Test
    @DisplayName("APP-III.5 no migration updates, deletes, drops, truncates or inserts consent events or consent state")
    void no_migration_touches_consent_rows() throws IOException {
        List<Path> files;
        try (Stream<Path> list = Files.list(Path.of(MIGRATIONS))) {
            files = list.sorted().toList();
        }
        assertThat(files).as("migrations").hasSizeGreaterThanOrEqualTo(12)
                .allSatisfy(f -> assertThat(f.getFileName().toString()).as("only SQL migrations can be checked here")
                        .matches("V\\d+__\\w+\\.sql"));
        List<String> offending = new ArrayList<>();
        for (Path file : files) {
            for (String statement : statements(Files.readString(file, StandardCharsets.UTF_8))) {
                if (CONSENT_TABLE.matcher(statement).find() && !HARMLESS.matcher(statement).matches()) {
                    offending.add(file.getFileName() + ": " + statement);
                }
            }
        }
        assertThat(offending).as("migration statements that change consent rows").isEmpty();
        // the guard itself catches what it must
        assertThat(Stream.of("UPDATE consent_state SET action = 'DENY'", "DELETE FROM consent_event WHERE id = 1",
                        "DROP TABLE consent_state", "truncate consent_event", "ALTER TABLE consent_event DROP COLUMN hash",
                        "INSERT INTO consent_state SELECT * FROM x", "ALTER TABLE consent_state RENAME TO old_state")
                .filter(s -> !HARMLESS.matcher(s).matches())).hasSize(7);
    }

    private void upgradeKeepsChoices(DataSource ds, String schema) {
        Flyway v1 = flyway(ds, schema, "1");
        v1.migrate();
        assertThat(v1.info().current().getVersion().getVersion()).isEqualTo("1");
        List<MigrationInfo> later = List.of(flyway(ds, schema, null).info().pending());
        assertThat(later).as("migrations after V1").hasSizeGreaterThanOrEqualTo(11);

        JdbcTemplate jdbc = new JdbcTemplate(ds);
        List<RecordedEvent> events = writeChoices(jdbc);
        Snapshot before = Snapshot.of(jdbc);
        assertThat(before.events()).hasSize(events.size());
        assertThat(before.states()).hasSize(5);
        LedgerVerifier verifier = LedgerOver.verifier(ds, CLOCK);
        assertThat(verifier.verify().valid()).isTrue();

        // one migration at a time, so a failure names the migration that changed a row
        for (MigrationInfo next : later) {
            String version = next.getVersion().getVersion();
            flyway(ds, schema, version).migrate();
            Snapshot after = Snapshot.of(jdbc);
            assertThat(after.events()).as("consent_event after V" + version).containsExactlyElementsOf(before.events());
            assertThat(after.states()).as("consent_state after V" + version).containsExactlyElementsOf(before.states());
            assertThat(after.heads()).as("ledger_partition after V" + version).containsExactlyElementsOf(before.heads());
            LedgerVerifier.Verification v = verifier.verify();
            assertThat(v.valid()).as("ledger after V" + version + ": " + v.brokenAt() + " " + v.reason()).isTrue();
            assertThat(v.events()).isEqualTo(events.size());
        }
        String latest = later.get(later.size() - 1).getVersion().getVersion();
        assertThat(flyway(ds, schema, null).info().current().getVersion().getVersion()).isEqualTo(latest);
        assertThat(flyway(ds, schema, null).info().pending()).isEmpty();
        // each state row is still the winner the ledger's own ordering rule picks from the events
        Map<String, Long> winners = new HashMap<>();
        events.stream().collect(Collectors.groupingBy(RecordedEvent::subjectId)).values().forEach(of ->
                StateReplay.winners(of, Long.MAX_VALUE).values().forEach(e ->
                        winners.put(e.subjectId() + "/" + e.purpose() + "/" + e.channel(), e.id())));
        Map<String, Long> stored = new HashMap<>();
        jdbc.query("SELECT subject_id, purpose, channel, event_id FROM consent_state", rs -> {
            stored.put(rs.getString(1) + "/" + rs.getString(2) + "/" + rs.getString(3), rs.getLong(4));
        });
        assertThat(stored).isEqualTo(winners);
    }

    private static Flyway flyway(DataSource ds, String schema, String target) {
        var config = Flyway.configure().dataSource(ds).locations("classpath:db/migration");
        if (schema != null) {
            config = config.schemas(schema).defaultSchema(schema);
        }
        if (target != null) {
            config = config.target(target);
        }
        return config.load();
    }

    /** Choices as the V1 schema holds them: chained events in several partitions, their heads, the winners. */
    private static List<RecordedEvent> writeChoices(JdbcTemplate jdbc) {
        long t = Instant.parse("2026-01-10T08:00:00Z").toEpochMilli();
        String grantEvidence = "c2VhbGVkLWV2aWRlbmNlLWlwLTIwMy4wLjExMy43";
        String guardianActor = "c2VhbGVkLWd1YXJkaWFuLeWutumVvw==";
        List<Object[]> specs = List.of(
                new Object[] {"sub_000000001a", "marketing", "sms", Action.GRANT, "2026-01", Touchpoint.WEB, t, "SUBJECT", null, grantEvidence},
                new Object[] {"sub_000000001a", "marketing", "email", Action.GRANT, "2026-01", Touchpoint.APP, t + 1, "SUBJECT", null, grantEvidence},
                new Object[] {"sub_000000001a", "marketing", "sms", Action.WITHDRAW, null, Touchpoint.SMS, t + 60_000, "SUBJECT", null, null},
                new Object[] {"sub_000000002b", "personalization", "", Action.GRANT, "2026-01", Touchpoint.MINI_PROGRAM, t + 5, "GUARDIAN", guardianActor, grantEvidence},
                new Object[] {"sub_000000002b", "marketing", "wechat", Action.DENY, null, Touchpoint.STORE, t + 7, "SUBJECT", null, "c3RvcmUtMDAx"},
                // recorded later but captured earlier: the withdrawal above stays the winner
                new Object[] {"sub_000000001a", "marketing", "sms", Action.GRANT, "2026-01", Touchpoint.IMPORT, t + 30_000, "SUBJECT", null, null},
                new Object[] {"sub_000000003c", "share.partner", "", Action.GRANT, "2026-01", Touchpoint.CALL_CENTER, t + 9, "SUBJECT", null, grantEvidence},
                new Object[] {"sub_000000003c", "share.partner", "", Action.EXPIRE, null, Touchpoint.SYSTEM, t + 86_400_000L, "SUBJECT", null, null});
        Map<String, Integer> partOf = Map.of("sub_000000001a", 3, "sub_000000002b", 11, "sub_000000003c", 3);
        Map<Integer, String> heads = new HashMap<>();
        Map<Integer, Long> seqs = new HashMap<>();
        List<RecordedEvent> events = new ArrayList<>();
        long recorded = t + 120_000;
        for (Object[] s : specs) {
            String subject = (String) s[0];
            int part = partOf.get(subject);
            long seq = seqs.merge(part, 1L, Long::sum);
            String prev = heads.getOrDefault(part, HashChain.GENESIS);
            RecordedEvent unsigned = new RecordedEvent(seq * 16 + part, part, seq, subject, (String) s[1], (String) s[2],
                    (Action) s[3], (String) s[4], (Touchpoint) s[5], (Long) s[6], recorded++, (String) s[7],
                    (String) s[8], (String) s[9], prev, null);
            RecordedEvent e = new RecordedEvent(unsigned.id(), part, seq, subject, unsigned.purpose(), unsigned.channel(),
                    unsigned.action(), unsigned.noticeVersion(), unsigned.touchpoint(), unsigned.capturedAt(),
                    unsigned.recordedAt(), unsigned.actorType(), unsigned.actorEnc(), unsigned.evidenceEnc(), prev,
                    HashChain.hash(prev, unsigned));
            heads.put(part, e.hash());
            events.add(e);
            jdbc.update("INSERT INTO consent_event (" + String.join(", ", EVENT_COLUMNS) + ") VALUES "
                            + "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    e.id(), e.part(), e.seq(), e.subjectId(), e.purpose(), e.channel(), e.action().name(),
                    e.noticeVersion(), e.touchpoint().name(), e.capturedAt(), e.recordedAt(), e.actorType(),
                    e.actorEnc(), e.evidenceEnc(), e.prevHash(), e.hash());
        }
        heads.forEach((part, hash) -> jdbc.update("UPDATE ledger_partition SET head_hash = ?, last_seq = ? WHERE part = ?",
                hash, seqs.get(part), part));
        events.stream().collect(Collectors.groupingBy(RecordedEvent::subjectId)).values().forEach(of ->
                StateReplay.winners(of, Long.MAX_VALUE).values().forEach(w -> jdbc.update("INSERT INTO consent_state ("
                                + String.join(", ", STATE_COLUMNS) + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                        w.subjectId(), w.purpose(), w.channel(), w.id(), w.action().name(), w.noticeVersion(),
                        w.noticeVersion() == null ? 0 : 1, w.guardian(), w.capturedAt(), w.recordedAt())));
        return events;
    }

    /** Every consent row, column by column as the driver returns it, in a fixed order. */
    private record Snapshot(List<String> events, List<String> states, List<String> heads) {
        static Snapshot of(JdbcTemplate jdbc) {
            return new Snapshot(rows(jdbc, EVENT_COLUMNS, "consent_event", "id"),
                    rows(jdbc, STATE_COLUMNS, "consent_state", "subject_id, purpose, channel"),
                    rows(jdbc, List.of("part", "head_hash", "last_seq"), "ledger_partition", "part"));
        }

        private static List<String> rows(JdbcTemplate jdbc, List<String> columns, String table, String order) {
            return jdbc.query("SELECT " + String.join(", ", columns) + " FROM " + table + " ORDER BY " + order, (rs, n) -> {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= columns.size(); i++) {
                    row.append(columns.get(i - 1)).append('=').append(rs.getString(i)).append('\u001f');
                }
                return row.toString();
            });
        }
    }

    /** The statements of a migration, comments removed, whitespace folded. */
    private static List<String> statements(String sql) {
        String code = sql.lines().map(l -> l.replaceAll("--.*$", "")).collect(Collectors.joining("\n"))
                .replaceAll("(?s)/\\*.*?\\*/", " ");
        return Stream.of(code.split(";")).map(s -> s.replaceAll("\\s+", " ").strip()).filter(s -> !s.isEmpty())
                .toList();
    }
}
