package com.consento.signals;

import java.math.BigDecimal;

/** An order reduced to what attribution needs: who, when, how much (Σ quantity × unitPrice). */
public record OrderTotal(String orderId, String subjectId, long placedAt, BigDecimal amount) {
}
