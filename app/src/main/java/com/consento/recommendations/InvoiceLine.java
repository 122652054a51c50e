package com.consento.recommendations;

import java.time.LocalDateTime;

/**
 * One line of an Online Retail style export. {@code lineNumber} is kept because the protocol orders
 * purchases made at the same minute by their position in the file.
 */
record InvoiceLine(
        String invoiceNo,
        String stockCode,
        String description,
        double quantity,
        LocalDateTime invoiceDate,
        String customerId,
        long lineNumber) {

    boolean isCancellation() {
        return invoiceNo.startsWith("C");
    }

    boolean hasCustomer() {
        return !customerId.isEmpty();
    }
}
