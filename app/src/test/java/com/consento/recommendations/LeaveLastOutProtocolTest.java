package com.consento.recommendations;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LeaveLastOutProtocolTest {

    private final List<InvoiceLine> lines = new ArrayList<>();

    private void buy(String invoice, String customer, String item, double quantity, String date) {
        lines.add(new InvoiceLine(invoice, item, item + " description", quantity,
                OnlineRetailReader.parseDateTime(date), customer, lines.size()));
    }

    @Test
    void cancellations_guest_checkouts_and_non_positive_quantities_are_dropped() {
        buy("1", "c1", "A", 1, "2011-01-01 10:00");
        buy("C2", "c1", "B", 1, "2011-01-02 10:00");
        buy("3", "", "C", 1, "2011-01-03 10:00");
        buy("4", "c1", "D", 0, "2011-01-04 10:00");
        buy("5", "c1", "E", -3, "2011-01-05 10:00");
        buy("6", "c1", "F", 2, "2011-01-06 10:00");
        assertEquals(Map.of("c1", List.of("A", "F")), PurchaseSequences.firstPurchaseOrder(lines));
    }

    @Test
    void items_follow_first_purchase_by_date_then_by_line_in_the_file() {
        buy("2", "c1", "LATER", 1, "2011-02-01 09:00");
        buy("1", "c1", "FIRST", 1, "2011-01-01 09:00");
        buy("1", "c1", "SAME_MINUTE_NEXT_LINE", 1, "2011-01-01 09:00");
        buy("3", "c1", "FIRST", 5, "2011-03-01 09:00");
        assertEquals(List.of("FIRST", "SAME_MINUTE_NEXT_LINE", "LATER"),
                PurchaseSequences.firstPurchaseOrder(lines).get("c1"));
    }

    @Test
    void the_held_out_item_is_the_last_newly_bought_one_not_the_last_bought() {
        buy("1", "c1", "A", 1, "2011-01-01 09:00");
        buy("2", "c1", "B", 1, "2011-01-02 09:00");
        buy("3", "c1", "C", 1, "2011-01-03 09:00");
        buy("4", "c1", "A", 1, "2011-01-04 09:00"); // a repeat: A stays first
        LeaveLastOutSplit split = LeaveLastOutSplit.of(PurchaseSequences.firstPurchaseOrder(lines));
        ItemCatalog catalog = split.catalog();
        assertEquals("C", catalog.code(split.heldOut()[0]));
        assertArrayEquals(new int[] {catalog.id("A"), catalog.id("B")}, split.training()[0]);
    }

    @Test
    void customers_with_one_distinct_item_are_skipped_but_their_items_are_still_ranked() {
        buy("1", "one-item", "ONLY_HERE", 1, "2011-01-01 09:00");
        buy("2", "one-item", "ONLY_HERE", 4, "2011-01-02 09:00");
        buy("3", "c2", "A", 1, "2011-01-01 09:00");
        buy("4", "c2", "B", 1, "2011-01-02 09:00");
        LeaveLastOutSplit split = LeaveLastOutSplit.of(PurchaseSequences.firstPurchaseOrder(lines));
        assertEquals(1, split.customers());
        assertEquals(3, split.catalog().size());
        assertEquals(0, split.catalog().id("A"), "ids follow stock code order");
        assertEquals(2, split.catalog().id("ONLY_HERE"));
    }
}
