package com.consento.ledger;

import com.consento.shared.InChunks;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.stereotype.Repository;

/** Ledger rows, partition heads and the state table. Inserts only, for events. */
@Repository
class LedgerStore {
    private static final String EVENT_COLUMNS = "id, part, seq, subject_id, purpose, channel, action, notice_version, "
            + "touchpoint, captured_at, recorded_at, actor_type, actor_enc, evidence_enc, prev_hash, hash";
    private static final String STATE_COLUMNS = "subject_id, purpose, channel, event_id, action, notice_version, "
            + "notice_seq, guardian, captured_at, recorded_at";
    private final JdbcTemplate jdbc;
    private final boolean rowLocks;

    LedgerStore(JdbcTemplate jdbc, DataSource dataSource) throws Exception {
        this.jdbc = jdbc;
        String product = JdbcUtils.extractDatabaseMetaData(dataSource, md -> md.getDatabaseProductName());
        // SQLite has one writer at a time and no FOR UPDATE; PostgreSQL nodes must lock the heads they extend.
        this.rowLocks = !"SQLite".equalsIgnoreCase(product);
    }

    record Head(int part, String hash, long lastSeq) {
    }

    Map<Integer, Head> lockHeads(Collection<Integer> parts) {
        String in = parts.stream().sorted().map(String::valueOf).collect(Collectors.joining(","));
        Map<Integer, Head> heads = new HashMap<>();
        jdbc.query("SELECT part, head_hash, last_seq FROM ledger_partition WHERE part IN (" + in + ") ORDER BY part"
                        + (rowLocks ? " FOR UPDATE" : ""),
                rs -> {
                    heads.put(rs.getInt(1), new Head(rs.getInt(1), rs.getString(2), rs.getLong(3)));
                });
        return heads;
    }

    List<Head> heads() {
        return jdbc.query("SELECT part, head_hash, last_seq FROM ledger_partition ORDER BY part",
                (rs, n) -> new Head(rs.getInt(1), rs.getString(2), rs.getLong(3)));
    }

    void updateHeads(Collection<Head> heads) {
        jdbc.batchUpdate("UPDATE ledger_partition SET head_hash = ?, last_seq = ? WHERE part = ?",
                heads.stream().map(h -> new Object[] {h.hash(), h.lastSeq(), h.part()}).toList());
    }

    // Typed setters: Spring's Object[] batches look up each value's SQL type, a fifth of a batch's time here.
    void insert(List<RecordedEvent> events) {
        jdbc.batchUpdate("INSERT INTO consent_event (" + EVENT_COLUMNS + ") VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                events, events.size(), (ps, e) -> {
                    ps.setLong(1, e.id());
                    ps.setInt(2, e.part());
                    ps.setLong(3, e.seq());
                    ps.setString(4, e.subjectId());
                    ps.setString(5, e.purpose());
                    ps.setString(6, e.channel());
                    ps.setString(7, e.action().name());
                    ps.setString(8, e.noticeVersion());
                    ps.setString(9, e.touchpoint().name());
                    ps.setLong(10, e.capturedAt());
                    ps.setLong(11, e.recordedAt());
                    ps.setString(12, e.actorType());
                    ps.setString(13, e.actorEnc());
                    ps.setString(14, e.evidenceEnc());
                    ps.setString(15, e.prevHash());
                    ps.setString(16, e.hash());
                });
    }

    Optional<StateRow> state(String subjectId, String purpose, String channel) {
        return jdbc.query("SELECT " + STATE_COLUMNS + " FROM consent_state WHERE subject_id = ? AND purpose = ? "
                + "AND channel = ?", LedgerStore::stateRow, subjectId, purpose, channel).stream().findFirst();
    }

    /** The current state rows of many subjects, keyed as the fold keys them (subject, purpose; channel). */
    Map<StateReplay.Key, StateRow> states(java.util.Set<String> subjectIds) {
        Map<StateReplay.Key, StateRow> rows = new HashMap<>();
        InChunks.forEach(subjectIds, (in, chunk) -> jdbc.query("SELECT " + STATE_COLUMNS + " FROM consent_state "
                + "WHERE subject_id IN (" + in + ")", rs -> {
                    StateRow row = stateRow(rs, 0);
                    rows.put(new StateReplay.Key(row.subjectId() + "\u001f" + row.purpose(), row.channel()), row);
                }, chunk));
        return rows;
    }

    void upsert(Collection<StateRow> rows) {
        jdbc.batchUpdate("INSERT INTO consent_state (" + STATE_COLUMNS + ") VALUES (?,?,?,?,?,?,?,?,?,?) "
                        + "ON CONFLICT (subject_id, purpose, channel) DO UPDATE SET event_id = excluded.event_id, "
                        + "action = excluded.action, notice_version = excluded.notice_version, "
                        + "notice_seq = excluded.notice_seq, guardian = excluded.guardian, "
                        + "captured_at = excluded.captured_at, recorded_at = excluded.recorded_at",
                rows, Math.max(1, rows.size()), (ps, s) -> {
                    ps.setString(1, s.subjectId());
                    ps.setString(2, s.purpose());
                    ps.setString(3, s.channel());
                    ps.setLong(4, s.eventId());
                    ps.setString(5, s.action().name());
                    ps.setString(6, s.noticeVersion());
                    ps.setLong(7, s.noticeSeq());
                    ps.setBoolean(8, s.guardian());
                    ps.setLong(9, s.capturedAt());
                    ps.setLong(10, s.recordedAt());
                });
    }

    void forEachStateOf(String subjectId, Consumer<StateRow> consumer) {
        jdbc.query("SELECT " + STATE_COLUMNS + " FROM consent_state WHERE subject_id = ?", rs -> {
            consumer.accept(stateRow(rs, 0));
        }, subjectId);
    }

    void forEachState(Consumer<StateRow> consumer) {
        jdbc.query("SELECT " + STATE_COLUMNS + " FROM consent_state", rs -> {
            consumer.accept(stateRow(rs, 0));
        });
    }

    /** The state rows of some purposes (breach scope: a rare, administrative read of the whole table). */
    void forEachStateOfPurposes(Collection<String> purposes, Consumer<StateRow> consumer) {
        InChunks.forEach(purposes, (in, chunk) -> jdbc.query("SELECT " + STATE_COLUMNS + " FROM consent_state "
                + "WHERE purpose IN (" + in + ")", rs -> {
                    consumer.accept(stateRow(rs, 0));
                }, chunk));
    }

    /** The events of many subjects for some purposes, in no particular order. */
    void forEachEventOf(Collection<String> subjectIds, Collection<String> purposes, Consumer<RecordedEvent> consumer) {
        List<String> codes = List.copyOf(purposes);
        String codeList = String.join(",", java.util.Collections.nCopies(codes.size(), "?"));
        InChunks.forEach(subjectIds, (in, chunk) -> {
            List<Object> params = new ArrayList<>(List.of(chunk));
            params.addAll(codes);
            jdbc.query("SELECT " + EVENT_COLUMNS + " FROM consent_event WHERE subject_id IN (" + in + ") AND purpose IN ("
                    + codeList + ")", rs -> {
                        consumer.accept(event(rs, 0));
                    }, params.toArray());
        });
    }

    List<RecordedEvent> eventsOf(String subjectId) {
        return jdbc.query("SELECT " + EVENT_COLUMNS + " FROM consent_event WHERE subject_id = ? ORDER BY id",
                LedgerStore::event, subjectId);
    }

    Optional<RecordedEvent> event(long id) {
        return jdbc.query("SELECT " + EVENT_COLUMNS + " FROM consent_event WHERE id = ?", LedgerStore::event, id)
                .stream().findFirst();
    }

    /** Streams one partition's chain in order; the consumer returns false to stop early. */
    void walk(int part, java.util.function.Predicate<RecordedEvent> consumer) {
        jdbc.query(con -> {
            var ps = con.prepareStatement("SELECT " + EVENT_COLUMNS + " FROM consent_event WHERE part = ? ORDER BY seq");
            ps.setInt(1, part);
            ps.setFetchSize(1000);
            return ps;
        }, rs -> {
            while (rs.next()) {
                if (!consumer.test(event(rs, 0))) {
                    return null;
                }
            }
            return null;
        });
    }

    List<RecordedEvent> recordedBetween(long from, long to, int limit) {
        return new ArrayList<>(jdbc.query("SELECT " + EVENT_COLUMNS + " FROM consent_event WHERE recorded_at >= ? "
                + "AND recorded_at < ? ORDER BY recorded_at, id LIMIT ?", LedgerStore::event, from, to, limit));
    }

    private static RecordedEvent event(ResultSet rs, int n) throws SQLException {
        return new RecordedEvent(rs.getLong(1), rs.getInt(2), rs.getLong(3), rs.getString(4), rs.getString(5),
                rs.getString(6), Action.valueOf(rs.getString(7)), rs.getString(8), Touchpoint.valueOf(rs.getString(9)),
                rs.getLong(10), rs.getLong(11), rs.getString(12), rs.getString(13), rs.getString(14), rs.getString(15),
                rs.getString(16));
    }

    private static StateRow stateRow(ResultSet rs, int n) throws SQLException {
        return new StateRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4),
                Action.valueOf(rs.getString(5)), rs.getString(6), rs.getLong(7), rs.getBoolean(8), rs.getLong(9),
                rs.getLong(10));
    }
}
