package com.consento.signals;

import java.math.BigDecimal;

/** One line of an order: {@code quantity × unitPrice} in the shop's currency. */
public record OrderLine(String sku, int quantity, BigDecimal unitPrice, String category) {

    public BigDecimal amount() {
        return unitPrice.multiply(BigDecimal.valueOf(quantity));
    }
}
