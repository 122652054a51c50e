package com.consento.recommendations;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Steps 1 and 2 of the leave-last-out protocol: keep real purchases (a customer, not a cancellation,
 * a positive quantity) and list each customer's distinct items in order of first purchase.
 */
final class PurchaseSequences {

    private PurchaseSequences() {
    }

    static boolean isPurchase(InvoiceLine line) {
        return line.hasCustomer() && !line.isCancellation() && line.quantity() > 0;
    }

    static Map<String, List<String>> read(Path file) throws IOException {
        List<InvoiceLine> purchases = new ArrayList<>();
        OnlineRetailReader.read(file, line -> {
            if (isPurchase(line)) {
                purchases.add(line);
            }
        });
        return firstPurchaseOrder(purchases);
    }

    /**
     * Customer to distinct stock codes in order of first purchase, purchases ordered by invoice date and
     * then by line in the file. Customers appear in the order of their first purchase, so the result is
     * the same however the input lines were shuffled.
     */
    static Map<String, List<String>> firstPurchaseOrder(List<InvoiceLine> lines) {
        List<InvoiceLine> ordered = new ArrayList<>();
        for (InvoiceLine line : lines) {
            if (isPurchase(line)) {
                ordered.add(line);
            }
        }
        ordered.sort(Comparator.comparing(InvoiceLine::invoiceDate)
                .thenComparingLong(InvoiceLine::lineNumber));
        Map<String, Set<String>> distinct = new LinkedHashMap<>();
        for (InvoiceLine line : ordered) {
            distinct.computeIfAbsent(line.customerId(), c -> new LinkedHashSet<>()).add(line.stockCode());
        }
        Map<String, List<String>> sequences = new LinkedHashMap<>();
        distinct.forEach((customer, items) -> sequences.put(customer, List.copyOf(items)));
        return sequences;
    }
}
