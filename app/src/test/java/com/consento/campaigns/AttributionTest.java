package com.consento.campaigns;

import static org.assertj.core.api.Assertions.assertThat;

import com.consento.signals.OrderTotal;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class AttributionTest {
    static final long DAY = 86_400_000L;
    static final long T = 1_800_000_000_000L;

    private static Campaign campaign(String cost, int windowDays) {
        return new Campaign("cmp_1", "t", CampaignType.CUSTOM, "mkt", "sms", Map.of(), List.of(), null,
                BigDecimal.TEN, new BigDecimal(cost), "【x】回复TD退订", null, windowDays, null, 1, 42, T);
    }

    private static OrderTotal order(String subject, long at, String amount) {
        return new OrderTotal("o" + at + subject, subject, at, new BigDecimal(amount));
    }

    @Test
    @DisplayName("orders at or after the send and inside the window convert; earlier or later ones do not")
    void conversions_within_the_window() {
        List<Send> sends = List.of(new Send("a", Send.Status.SENT, null, T), new Send("b", Send.Status.SENT, null, T),
                new Send("c", Send.Status.SENT, null, T), new Send("d", Send.Status.SENT, null, T),
                new Send("x", Send.Status.CONTROL, null, T), new Send("y", Send.Status.CONTROL, null, T),
                new Send("n", Send.Status.SUPPRESSED, "WITHDRAWN", T), new Send("m", Send.Status.SUPPRESSED, "NO_CONSENT", T),
                new Send("s", Send.Status.SUPPRESSED, "SUPPRESSION_LIST", T));
        List<OrderTotal> orders = List.of(
                order("a", T, "100.00"),              // at the send: counts
                order("a", T + 2 * DAY, "20.50"),     // counts
                order("b", T - 1, "999"),             // before the send
                order("c", T + 7 * DAY, "50"),        // the window's end is excluded
                order("x", T + DAY, "30"),            // control converts
                order("n", T + DAY, "70"));           // suppressed: not a recipient
        CampaignReport r = Attribution.report(campaign("0.50", 7), 1, sends, orders);
        assertThat(r.sent()).isEqualTo(4);
        assertThat(r.control()).isEqualTo(2);
        assertThat(r.suppressed()).isEqualTo(3);
        assertThat(r.conversions()).isEqualTo(2);
        assertThat(r.revenue()).isEqualByComparingTo("120.50");
        assertThat(r.cost()).isEqualByComparingTo("2.00");
        assertThat(r.roi()).isEqualTo((120.50 - 2.00) / 2.00);
        assertThat(r.conversionRate()).isEqualTo(0.25);
        assertThat(r.controlConversions()).isEqualTo(1);
        assertThat(r.controlRevenue()).isEqualByComparingTo("30");
        assertThat(r.controlConversionRate()).isEqualTo(0.5);
        assertThat(r.uplift()).isEqualTo(-0.25);
        assertThat(r.avoidedWithoutConsent()).isEqualTo(2);
        assertThat(r.avoidedCost()).isEqualByComparingTo("1.00");
        assertThat(r.suppressedByReason()).containsEntry("WITHDRAWN", 1).containsEntry("SUPPRESSION_LIST", 1);
    }

    @Test
    @DisplayName("an order counts once, for the latest send before it, and a free campaign has no roi")
    void latest_send_wins_and_no_cost_no_roi() {
        List<Send> sends = List.of(new Send("a", Send.Status.SENT, null, T),
                new Send("a", Send.Status.SENT, null, T + 3 * DAY));
        CampaignReport r = Attribution.report(campaign("0", 7), 2, sends, List.of(order("a", T + 4 * DAY, "10")));
        assertThat(r.conversions()).isEqualTo(1);
        assertThat(r.recipients()).isEqualTo(1);
        assertThat(r.roi()).isNull();
    }
}
