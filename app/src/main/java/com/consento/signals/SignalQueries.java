package com.consento.signals;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Read-only questions about purchases and kept browsing events (V5__signals.sql) for the recommender: whole
 * histories for training (streamed a page of subjects at a time, so neither database buffers the table and
 * no transaction is held), one subject's recent signals in one indexed query for serving, and the aggregate
 * popular / trending / new item lists. Whether a subject's signals may be used is the caller's decision.
 */
@Repository
public class SignalQueries {
    static final int PAGE = 1_000;
    private final JdbcClient jdbc;

    public SignalQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One signal: a purchased order line ({@code purchase}) or a kept browsing event; {@code at} epoch millis. */
    public record Interaction(String sku, String category, long at, boolean purchase) {
    }

    /** Changes whenever an order is recorded: the number of orders and the latest {@code recorded_at}. */
    public record Watermark(long orders, long lastRecordedAt) {
    }

    /** An item with a count (distinct buyers) or, for new items, the time it was first sold. */
    public record SkuCount(String sku, long count) {
    }

    public Watermark orderWatermark() {
        return jdbc.sql("SELECT COUNT(*), COALESCE(MAX(recorded_at), 0) FROM signal_order")
                .query((rs, n) -> new Watermark(rs.getLong(1), rs.getLong(2))).single();
    }

    /**
     * Every subject's purchased lines, oldest first (by placed time, then order id and line number), one call
     * per subject id as stored on the order (a merged subject's old orders come under its own id).
     */
    public void forEachPurchaseHistory(BiConsumer<String, List<Interaction>> sink) {
        forEachPage("SELECT DISTINCT subject_id FROM signal_order WHERE subject_id > :after ORDER BY subject_id",
                "SELECT o.subject_id, l.sku, l.category, o.placed_at FROM signal_order o "
                        + "JOIN signal_order_line l ON l.order_id = o.order_id "
                        + "WHERE o.subject_id > :after AND o.subject_id <= :last "
                        + "ORDER BY o.subject_id, o.placed_at, o.order_id, l.line_no",
                true, sink);
    }

    /** Every subject's kept browsing events, oldest first; one call per subject id. */
    public void forEachBrowsingHistory(BiConsumer<String, List<Interaction>> sink) {
        forEachPage("SELECT DISTINCT subject_id FROM signal_browse WHERE subject_id > :after ORDER BY subject_id",
                "SELECT subject_id, sku, category, occurred_at FROM signal_browse "
                        + "WHERE subject_id > :after AND subject_id <= :last "
                        + "ORDER BY subject_id, occurred_at, id",
                false, sink);
    }

    /** Per subject id, the skus bought in order of first purchase (the shape the trainer takes). */
    public Map<String, List<String>> purchaseHistories() {
        Map<String, List<String>> out = new LinkedHashMap<>();
        forEachPurchaseHistory((subject, lines) -> out.put(subject, distinctSkus(lines)));
        return out;
    }

    /** The skus one subject id bought, in order of first purchase. */
    public List<String> historyOf(String subjectId) {
        return distinctSkus(interactionsOf(List.of(subjectId), 0, false, Integer.MAX_VALUE));
    }

    /** The skus one subject id browsed (kept events only), in order of first view. */
    public List<String> browsedBy(String subjectId) {
        return distinctSkus(jdbc.sql("SELECT sku, category, occurred_at FROM signal_browse WHERE subject_id = ? "
                        + "ORDER BY occurred_at, id").param(subjectId)
                .query((rs, n) -> new Interaction(rs.getString(1), rs.getString(2), rs.getLong(3), false)).list());
    }

    /**
     * The latest {@code limit} signals of these subject ids (a person and those merged into them) recorded at or
     * after {@code recordedSince}, oldest first: purchased lines, and kept browsing events when
     * {@code withBrowsing}. One query on the subject indexes.
     */
    public List<Interaction> interactionsOf(Collection<String> subjectIds, long recordedSince, boolean withBrowsing,
                                            int limit) {
        if (subjectIds.isEmpty() || limit <= 0) {
            return List.of();
        }
        String purchases = "SELECT l.sku AS sku, l.category AS category, o.placed_at AS t, 1 AS kind, "
                + "o.order_id AS ref, l.line_no AS seq FROM signal_order o "
                + "JOIN signal_order_line l ON l.order_id = o.order_id "
                + "WHERE o.subject_id IN (:ids) AND o.recorded_at >= :since";
        String browsing = " UNION ALL SELECT b.sku, b.category, b.occurred_at, 0, b.id, 0 FROM signal_browse b "
                + "WHERE b.subject_id IN (:ids) AND b.recorded_at >= :since";
        List<Interaction> latest = new ArrayList<>(jdbc.sql("SELECT sku, category, t, kind FROM (" + purchases
                        + (withBrowsing ? browsing : "") + ") s ORDER BY t DESC, ref DESC, seq DESC LIMIT :limit")
                .param("ids", subjectIds).param("since", recordedSince).param("limit", limit)
                .query((rs, n) -> new Interaction(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getInt(4) == 1))
                .list());
        Collections.reverse(latest);
        return latest;
    }

    /** The items bought by the most distinct subjects, most first. */
    public List<SkuCount> popular(int limit) {
        return jdbc.sql("SELECT l.sku, COUNT(DISTINCT o.subject_id) AS buyers FROM signal_order o "
                        + "JOIN signal_order_line l ON l.order_id = o.order_id "
                        + "GROUP BY l.sku ORDER BY buyers DESC, l.sku LIMIT ?").param(limit)
                .query((rs, n) -> new SkuCount(rs.getString(1), rs.getLong(2))).list();
    }

    /** The items bought by the most distinct subjects in orders placed at or after {@code placedSince}. */
    public List<SkuCount> trending(long placedSince, int limit) {
        return jdbc.sql("SELECT l.sku, COUNT(DISTINCT o.subject_id) AS buyers FROM signal_order o "
                        + "JOIN signal_order_line l ON l.order_id = o.order_id WHERE o.placed_at >= ? "
                        + "GROUP BY l.sku ORDER BY buyers DESC, l.sku LIMIT ?").params(placedSince, limit)
                .query((rs, n) -> new SkuCount(rs.getString(1), rs.getLong(2))).list();
    }

    /** Items first sold at or after {@code firstSoldSince}, newest first; the count is the first sale time. */
    public List<SkuCount> newest(long firstSoldSince, int limit) {
        return jdbc.sql("SELECT l.sku, MIN(o.placed_at) AS first_sold FROM signal_order o "
                        + "JOIN signal_order_line l ON l.order_id = o.order_id "
                        + "GROUP BY l.sku HAVING MIN(o.placed_at) >= ? ORDER BY first_sold DESC, l.sku LIMIT ?")
                .params(firstSoldSince, limit)
                .query((rs, n) -> new SkuCount(rs.getString(1), rs.getLong(2))).list();
    }

    /** Per sku, the category its order lines name most often (skus whose lines name none are absent). */
    public Map<String, String> categories() {
        Map<String, String> best = new HashMap<>();
        Map<String, Long> bestCount = new HashMap<>();
        jdbc.sql("SELECT sku, category, COUNT(*) FROM signal_order_line WHERE category IS NOT NULL "
                + "GROUP BY sku, category").query(rs -> {
                    String sku = rs.getString(1);
                    long count = rs.getLong(3);
                    Long current = bestCount.get(sku);
                    if (current == null || count > current
                            || (count == current && rs.getString(2).compareTo(best.get(sku)) < 0)) {
                        best.put(sku, rs.getString(2));
                        bestCount.put(sku, count);
                    }
                });
        return best;
    }

    private void forEachPage(String subjectsSql, String linesSql, boolean purchase,
                             BiConsumer<String, List<Interaction>> sink) {
        String after = "";
        while (true) {
            List<String> ids = jdbc.sql(subjectsSql + " LIMIT " + PAGE).param("after", after)
                    .query(String.class).list();
            if (ids.isEmpty()) {
                return;
            }
            String[] current = {null};
            List<Interaction> lines = new ArrayList<>();
            jdbc.sql(linesSql).param("after", after).param("last", ids.get(ids.size() - 1)).query(rs -> {
                String subject = rs.getString(1);
                if (current[0] != null && !current[0].equals(subject)) {
                    sink.accept(current[0], List.copyOf(lines));
                    lines.clear();
                }
                current[0] = subject;
                lines.add(new Interaction(rs.getString(2), rs.getString(3), rs.getLong(4), purchase));
            });
            if (current[0] != null) {
                sink.accept(current[0], List.copyOf(lines));
            }
            after = ids.get(ids.size() - 1);
        }
    }

    private static List<String> distinctSkus(List<Interaction> interactions) {
        LinkedHashSet<String> skus = new LinkedHashSet<>();
        interactions.forEach(i -> skus.add(i.sku()));
        return List.copyOf(skus);
    }
}
