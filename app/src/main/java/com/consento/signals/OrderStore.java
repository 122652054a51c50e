package com.consento.signals;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Orders, their lines and kept browsing events as rows (V5__signals.sql). */
@Repository
class OrderStore {
    private final JdbcClient jdbc;
    private final JdbcTemplate batch;

    OrderStore(JdbcClient jdbc, JdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    Optional<String> subjectOf(String orderId) {
        return jdbc.sql("SELECT subject_id FROM signal_order WHERE order_id = ?").param(orderId)
                .query(String.class).optional();
    }

    void insert(List<Order> orders, String source, long now) {
        batch.batchUpdate("INSERT INTO signal_order (order_id, subject_id, placed_at, amount, source, recorded_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?)",
                orders.stream().map(o -> new Object[] {o.orderId(), o.subjectId(), o.placedAt(),
                        o.amount().doubleValue(), source, now}).toList());
        List<Object[]> lines = new ArrayList<>();
        for (Order o : orders) {
            for (int i = 0; i < o.lines().size(); i++) {
                OrderLine l = o.lines().get(i);
                lines.add(new Object[] {o.orderId(), i, l.sku(), l.quantity(), l.unitPrice().doubleValue(), l.category()});
            }
        }
        batch.batchUpdate("INSERT INTO signal_order_line (order_id, line_no, sku, quantity, unit_price, category) "
                + "VALUES (?, ?, ?, ?, ?, ?)", lines);
    }

    void insertBrowse(String id, String subjectId, String sku, String category, long occurredAt, long now) {
        jdbc.sql("INSERT INTO signal_browse (id, subject_id, sku, category, occurred_at, recorded_at) "
                + "VALUES (?, ?, ?, ?, ?, ?)").params(id, subjectId, sku, category, occurredAt, now).update();
    }

    /** Orders placed in [from, to], both included, with their amounts. */
    List<OrderTotal> totalsBetween(long from, long to) {
        return jdbc.sql("SELECT order_id, subject_id, placed_at, amount FROM signal_order "
                        + "WHERE placed_at >= ? AND placed_at <= ? ORDER BY placed_at, order_id")
                .params(from, to)
                .query((rs, n) -> new OrderTotal(rs.getString(1), rs.getString(2), rs.getLong(3),
                        BigDecimal.valueOf(rs.getDouble(4)))).list();
    }

    List<Order> ordersOf(String subjectId) {
        List<Order> orders = new ArrayList<>();
        forEachLine("WHERE o.subject_id = ?", new Object[] {subjectId}, orders::add);
        return orders;
    }

    /** Streams every order, whole, in order of subject and time (to rebuild memory at start-up). */
    void forEachOrder(Consumer<Order> sink) {
        forEachLine("", new Object[0], sink);
    }

    private void forEachLine(String where, Object[] params, Consumer<Order> sink) {
        Order[] current = {null};
        List<OrderLine> lines = new ArrayList<>();
        jdbc.sql("SELECT o.order_id, o.subject_id, o.placed_at, l.sku, l.quantity, l.unit_price, l.category "
                        + "FROM signal_order o JOIN signal_order_line l ON l.order_id = o.order_id " + where
                        + " ORDER BY o.subject_id, o.placed_at, o.order_id, l.line_no")
                .params(params)
                .query(rs -> {
                    String id = rs.getString(1);
                    if (current[0] != null && !current[0].orderId().equals(id)) {
                        sink.accept(new Order(current[0].orderId(), current[0].subjectId(), current[0].placedAt(), lines));
                        lines.clear();
                    }
                    if (current[0] == null || !current[0].orderId().equals(id)) {
                        current[0] = new Order(id, rs.getString(2), rs.getLong(3), List.of());
                    }
                    lines.add(new OrderLine(rs.getString(4), rs.getInt(5), BigDecimal.valueOf(rs.getDouble(6)),
                            rs.getString(7)));
                });
        if (current[0] != null) {
            sink.accept(new Order(current[0].orderId(), current[0].subjectId(), current[0].placedAt(), lines));
        }
    }
}
