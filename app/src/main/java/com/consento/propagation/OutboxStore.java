package com.consento.propagation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.stereotype.Repository;

/** Outbox rows, the per-shard sequences and the relay cursors. */
@Repository
class OutboxStore {
    static final int SHARDS = 16;
    static final String WEBHOOKS = "webhooks";
    static final String KAFKA = "kafka";
    private static final String COLUMNS = "id, shard, seq, type, subject_id, payload, origin, created_at";
    private final JdbcTemplate jdbc;
    private final boolean rowLocks;

    OutboxStore(JdbcTemplate jdbc, DataSource dataSource) throws Exception {
        this.jdbc = jdbc;
        String product = JdbcUtils.extractDatabaseMetaData(dataSource, md -> md.getDatabaseProductName());
        // SQLite has one writer at a time and no row locks; PostgreSQL nodes share the relay work by skipping
        // the rows another node holds.
        this.rowLocks = !"SQLite".equalsIgnoreCase(product);
    }

    boolean rowLocks() {
        return rowLocks;
    }

    /** One committed change as stored. */
    record Row(long id, int shard, long seq, String type, String subjectId, String payload, String origin,
               long createdAt) {
    }

    static int shard(String subjectId) {
        return subjectId == null ? 0 : Math.floorMod(subjectId.hashCode(), SHARDS);
    }

    static long id(int shard, long seq) {
        return seq * SHARDS + shard;
    }

    /**
     * Within the caller's transaction: takes {@code counts[shard]} sequence numbers of each shard (in shard
     * order, as the ledger locks its partitions) and returns the last one taken per shard. The shard rows stay
     * locked until the transaction ends, which orders the sequence as the transactions commit.
     */
    Map<Integer, Long> reserve(int[] counts) {
        List<Object[]> updates = new ArrayList<>();
        List<Integer> shards = new ArrayList<>();
        for (int s = 0; s < counts.length; s++) {
            if (counts[s] > 0) {
                updates.add(new Object[] {counts[s], s});
                shards.add(s);
            }
        }
        jdbc.batchUpdate("UPDATE outbox_shard SET seq = seq + ? WHERE shard = ?", updates);
        Map<Integer, Long> last = new TreeMap<>();
        jdbc.query("SELECT shard, seq FROM outbox_shard WHERE shard IN (" + in(shards) + ")",
                rs -> {
                    last.put(rs.getInt(1), rs.getLong(2));
                });
        return last;
    }

    void insert(List<Row> rows) {
        // typed setters: Spring's Object[] batches look up each value's SQL type, which shows in ingest profiles
        jdbc.batchUpdate("INSERT INTO outbox (" + COLUMNS + ") VALUES (?,?,?,?,?,?,?,?)", rows,
                Math.max(1, rows.size()), (ps, r) -> {
                    ps.setLong(1, r.id());
                    ps.setInt(2, r.shard());
                    ps.setLong(3, r.seq());
                    ps.setString(4, r.type());
                    ps.setString(5, r.subjectId());
                    ps.setString(6, r.payload());
                    ps.setString(7, r.origin());
                    ps.setLong(8, r.createdAt());
                });
    }

    /** The last sequence number committed per shard. */
    Map<Integer, Long> heads() {
        Map<Integer, Long> heads = new TreeMap<>();
        jdbc.query("SELECT shard, seq FROM outbox_shard", rs -> {
            heads.put(rs.getInt(1), rs.getLong(2));
        });
        return heads;
    }

    Map<Integer, Long> cursors(String destination) {
        Map<Integer, Long> cursors = new TreeMap<>();
        jdbc.query("SELECT shard, last_seq FROM outbox_cursor WHERE destination = ?", rs -> {
            cursors.put(rs.getInt(1), rs.getLong(2));
        }, destination);
        return cursors;
    }

    /** Shards with changes a destination has not taken yet, of the {@link #heads} given. */
    List<Integer> behind(Map<Integer, Long> heads, String destination) {
        Map<Integer, Long> cursors = cursors(destination);
        List<Integer> behind = new ArrayList<>();
        heads.forEach((shard, seq) -> {
            Long at = cursors.get(shard);
            if (at != null && seq > at) {
                behind.add(shard);
            }
        });
        return behind;
    }

    /** Within a transaction: the cursors of these shards that no other node holds, locked until it ends. */
    Map<Integer, Long> lockCursors(String destination, Collection<Integer> shards) {
        Map<Integer, Long> locked = new TreeMap<>();
        if (shards.isEmpty()) {
            return locked;
        }
        jdbc.query("SELECT shard, last_seq FROM outbox_cursor WHERE destination = ? AND shard IN (" + in(shards)
                + ") ORDER BY shard" + (rowLocks ? " FOR UPDATE SKIP LOCKED" : ""), rs -> {
                    locked.put(rs.getInt(1), rs.getLong(2));
                }, destination);
        return locked;
    }

    List<Row> after(int shard, long seq, int limit) {
        return jdbc.query("SELECT " + COLUMNS + " FROM outbox WHERE shard = ? AND seq > ? ORDER BY seq LIMIT ?",
                OutboxStore::row, shard, seq, limit);
    }

    void advance(String destination, int shard, long seq, long now) {
        jdbc.update("UPDATE outbox_cursor SET last_seq = ?, updated_at = ? WHERE destination = ? AND shard = ?",
                seq, now, destination, shard);
    }

    /** Creates a destination's cursors at the current heads, unless they exist: it starts from now. */
    void ensureCursors(String destination, long now) {
        // "WHERE 1 = 1" lets SQLite parse ON CONFLICT after INSERT … SELECT
        jdbc.update("INSERT INTO outbox_cursor (destination, shard, last_seq, updated_at) SELECT ?, shard, seq, ? "
                + "FROM outbox_shard WHERE 1 = 1 ON CONFLICT (destination, shard) DO NOTHING", destination, now);
    }

    /** How many committed changes a destination has not taken yet (its backlog). */
    long pending(String destination) {
        Long n = jdbc.queryForObject("SELECT COALESCE(SUM(s.seq - c.last_seq), 0) FROM outbox_shard s "
                + "JOIN outbox_cursor c ON c.shard = s.shard WHERE c.destination = ? AND s.seq > c.last_seq",
                Long.class, destination);
        return n == null ? 0 : n;
    }

    /** When the oldest change a destination has not taken yet was committed, if one waits. */
    Optional<Long> oldestPending(String destination) {
        return Optional.ofNullable(jdbc.queryForObject("SELECT MIN(o.created_at) FROM outbox o "
                + "JOIN outbox_cursor c ON c.shard = o.shard WHERE c.destination = ? AND o.seq > c.last_seq",
                Long.class, destination));
    }

    Optional<Row> find(long id) {
        return jdbc.query("SELECT " + COLUMNS + " FROM outbox WHERE id = ?", OutboxStore::row, id).stream()
                .findFirst();
    }

    List<Row> ofSubject(String subjectId, int limit) {
        return jdbc.query("SELECT " + COLUMNS + " FROM outbox WHERE subject_id = ? ORDER BY created_at DESC, id DESC "
                + "LIMIT ?", OutboxStore::row, subjectId, limit);
    }

    /**
     * Forgets changes older than {@code before} that every destination has taken and that no delivery still
     * waits for, with their finished deliveries.
     */
    int purge(long before) {
        int deliveries = jdbc.update("DELETE FROM webhook_delivery WHERE status <> 'PENDING' AND created_at < ?",
                before);
        int changes = jdbc.update("DELETE FROM outbox WHERE created_at < ? "
                + "AND NOT EXISTS (SELECT 1 FROM webhook_delivery d WHERE d.outbox_id = outbox.id) "
                + "AND seq <= (SELECT MIN(c.last_seq) FROM outbox_cursor c WHERE c.shard = outbox.shard)", before);
        return deliveries + changes;
    }

    private static String in(Collection<Integer> shards) {
        return shards.stream().map(String::valueOf).collect(Collectors.joining(","));
    }

    static Row row(ResultSet rs, int n) throws SQLException {
        return new Row(rs.getLong(1), rs.getInt(2), rs.getLong(3), rs.getString(4), rs.getString(5), rs.getString(6),
                rs.getString(7), rs.getLong(8));
    }
}
