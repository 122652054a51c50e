package com.consento.propagation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Webhooks and their deliveries: one row per change and webhook, with its attempts and acknowledgement. */
@Repository
class WebhookStore {
    static final String PENDING = "PENDING";
    static final String DELIVERED = "DELIVERED";
    static final String DEAD = "DEAD";
    static final String CANCELLED = "CANCELLED";
    private static final String HOOK_COLUMNS = "id, url, secret_enc, events, max_attempts, initial_backoff_ms, active, "
            + "created_at";
    private static final String DELIVERY_COLUMNS = "id, webhook_id, outbox_id, status, attempts, next_attempt_at, "
            + "last_status, last_error, created_at, updated_at, acknowledged_at";
    private final JdbcTemplate jdbc;
    private final OutboxStore outbox;

    WebhookStore(JdbcTemplate jdbc, OutboxStore outbox) {
        this.jdbc = jdbc;
        this.outbox = outbox;
    }

    record Webhook(String id, String url, String secretEnc, Set<String> events, int maxAttempts,
                   long initialBackoffMs, boolean active, long createdAt) {
        boolean wants(String type) {
            return active && events.contains(type);
        }
    }

    record Delivery(String id, String webhookId, long outboxId, String status, int attempts, long nextAttemptAt,
                    Integer lastStatus, String lastError, long createdAt, long updatedAt, Long acknowledgedAt) {
    }

    /** A delivery leased to this node for one attempt, with the change it carries. */
    record Claimed(String deliveryId, String webhookId, int attempts, OutboxStore.Row change) {
    }

    /** The result of one attempt; {@code status} is what the row becomes. */
    record Outcome(String deliveryId, String status, int attempts, long nextAttemptAt, Integer httpStatus,
                   String error, long at) {
    }

    void insert(Webhook w, long now) {
        jdbc.update("INSERT INTO webhook (" + HOOK_COLUMNS + ", updated_at) VALUES (?,?,?,?,?,?,?,?,?)", w.id(),
                w.url(), w.secretEnc(), String.join(" ", w.events()), w.maxAttempts(), w.initialBackoffMs(),
                w.active(), w.createdAt(), now);
    }

    List<Webhook> all() {
        return jdbc.query("SELECT " + HOOK_COLUMNS + " FROM webhook ORDER BY created_at, id", WebhookStore::webhook);
    }

    List<Webhook> active() {
        return jdbc.query("SELECT " + HOOK_COLUMNS + " FROM webhook WHERE active = ? ORDER BY created_at, id",
                WebhookStore::webhook, true);
    }

    Optional<Webhook> find(String id) {
        return jdbc.query("SELECT " + HOOK_COLUMNS + " FROM webhook WHERE id = ?", WebhookStore::webhook, id).stream()
                .findFirst();
    }

    /** Within a transaction: stops a webhook and cancels what it still had pending. */
    boolean deactivate(String id, long now) {
        int n = jdbc.update("UPDATE webhook SET active = ?, updated_at = ? WHERE id = ? AND active = ?", false, now, id,
                true);
        jdbc.update("UPDATE webhook_delivery SET status = ?, updated_at = ? WHERE webhook_id = ? AND status = ?",
                CANCELLED, now, id, PENDING);
        return n > 0;
    }

    /** Rows {id, webhookId, outboxId}; a change already fanned out to a webhook is not added twice. */
    void insertDeliveries(List<String[]> rows, long now) {
        jdbc.batchUpdate("INSERT INTO webhook_delivery (id, webhook_id, outbox_id, status, attempts, next_attempt_at, "
                        + "created_at, updated_at) VALUES (?,?,?,?,0,?,?,?) ON CONFLICT (webhook_id, outbox_id) DO NOTHING",
                rows.stream().map(r -> new Object[] {r[0], r[1], Long.parseLong(r[2]), PENDING, now, now, now})
                        .toList());
    }

    /**
     * Within a transaction: up to {@code limit} deliveries of a webhook that are due, leased to this node until
     * {@code leaseUntil} (another node, or this one after a crash, takes them again after that).
     */
    List<Claimed> claimDue(String webhookId, long now, int limit, long leaseUntil) {
        List<Claimed> claimed = jdbc.query("SELECT d.id, d.webhook_id, d.attempts, o.id, o.shard, o.seq, o.type, "
                        + "o.subject_id, o.payload, o.origin, o.created_at FROM webhook_delivery d "
                        + "JOIN outbox o ON o.id = d.outbox_id WHERE d.webhook_id = ? AND d.status = ? "
                        + "AND d.next_attempt_at <= ? ORDER BY d.next_attempt_at, d.outbox_id LIMIT ?"
                        + (outbox.rowLocks() ? " FOR UPDATE OF d SKIP LOCKED" : ""),
                (rs, n) -> new Claimed(rs.getString(1), rs.getString(2), rs.getInt(3),
                        new OutboxStore.Row(rs.getLong(4), rs.getInt(5), rs.getLong(6), rs.getString(7),
                                rs.getString(8), rs.getString(9), rs.getString(10), rs.getLong(11))),
                webhookId, PENDING, now, limit);
        jdbc.batchUpdate("UPDATE webhook_delivery SET next_attempt_at = ? WHERE id = ?",
                claimed.stream().map(c -> new Object[] {leaseUntil, c.deliveryId()}).toList());
        return claimed;
    }

    /** When the earliest pending delivery of a webhook is due (or its lease ends), if any is pending. */
    Optional<Long> nextDue(String webhookId) {
        Long due = jdbc.queryForObject("SELECT MIN(next_attempt_at) FROM webhook_delivery WHERE webhook_id = ? "
                + "AND status = ?", Long.class, webhookId, PENDING);
        return Optional.ofNullable(due);
    }

    void record(List<Outcome> outcomes) {
        jdbc.batchUpdate("UPDATE webhook_delivery SET status = ?, attempts = ?, next_attempt_at = ?, last_status = ?, "
                        + "last_error = ?, updated_at = ?, acknowledged_at = ? WHERE id = ? AND status = ?",
                outcomes.stream().map(o -> new Object[] {o.status(), o.attempts(), o.nextAttemptAt(), o.httpStatus(),
                        o.error(), o.at(), DELIVERED.equals(o.status()) ? o.at() : null, o.deliveryId(), PENDING})
                        .toList());
    }

    List<Delivery> ofChange(long outboxId) {
        return jdbc.query("SELECT " + DELIVERY_COLUMNS + " FROM webhook_delivery WHERE outbox_id = ? ORDER BY created_at, "
                + "webhook_id", WebhookStore::delivery, outboxId);
    }

    List<Delivery> dead(String webhookId, int limit) {
        return jdbc.query("SELECT " + DELIVERY_COLUMNS + " FROM webhook_delivery WHERE webhook_id = ? AND status = ? "
                + "ORDER BY updated_at DESC, id LIMIT ?", WebhookStore::delivery, webhookId, DEAD, limit);
    }

    Optional<Delivery> delivery(String webhookId, String deliveryId) {
        return jdbc.query("SELECT " + DELIVERY_COLUMNS + " FROM webhook_delivery WHERE id = ? AND webhook_id = ?",
                WebhookStore::delivery, deliveryId, webhookId).stream().findFirst();
    }

    /** A dead delivery becomes due again now, with a fresh set of attempts. */
    boolean retry(String webhookId, String deliveryId, long now) {
        return jdbc.update("UPDATE webhook_delivery SET status = ?, attempts = 0, next_attempt_at = ?, updated_at = ? "
                + "WHERE id = ? AND webhook_id = ? AND status = ?", PENDING, now, now, deliveryId, webhookId, DEAD) > 0;
    }

    /** Per webhook, the number of deliveries in each status. */
    Map<String, Map<String, Long>> counts() {
        Map<String, Map<String, Long>> counts = new HashMap<>();
        jdbc.query("SELECT webhook_id, status, COUNT(*) FROM webhook_delivery GROUP BY webhook_id, status", rs -> {
            counts.computeIfAbsent(rs.getString(1), k -> new HashMap<>()).put(rs.getString(2), rs.getLong(3));
        });
        return counts;
    }

    private static Webhook webhook(ResultSet rs, int n) throws SQLException {
        return new Webhook(rs.getString(1), rs.getString(2), rs.getString(3),
                new LinkedHashSet<>(Arrays.asList(rs.getString(4).split(" "))), rs.getInt(5), rs.getLong(6),
                rs.getBoolean(7), rs.getLong(8));
    }

    private static Delivery delivery(ResultSet rs, int n) throws SQLException {
        return new Delivery(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getString(4), rs.getInt(5),
                rs.getLong(6), rs.getObject(7) == null ? null : rs.getInt(7), rs.getString(8),
                rs.getLong(9), rs.getLong(10), rs.getObject(11) == null ? null : rs.getLong(11));
    }
}
