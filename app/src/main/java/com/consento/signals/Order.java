package com.consento.signals;

import java.math.BigDecimal;
import java.util.List;

/** A purchase as recorded: {@code placedAt} in epoch milliseconds. */
public record Order(String orderId, String subjectId, long placedAt, List<OrderLine> lines) {

    public Order {
        lines = List.copyOf(lines);
    }

    public BigDecimal amount() {
        return lines.stream().map(OrderLine::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
