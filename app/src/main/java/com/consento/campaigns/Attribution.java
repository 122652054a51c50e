package com.consento.campaigns;

import com.consento.decisions.Reason;
import com.consento.signals.OrderTotal;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Attributes orders to a campaign's sends, pure and deterministic: an order counts for the latest SENT or
 * CONTROL send to the same person placed at or before it, if it falls before that send's window ends
 * ([send, send + window)); each order counts once.
 */
final class Attribution {
    static final long DAY = 86_400_000L;

    private Attribution() {
    }

    static CampaignReport report(Campaign c, int launches, List<Send> sends, List<OrderTotal> orders) {
        long window = c.attributionWindowDays() * DAY;
        Map<String, List<Send>> reached = new HashMap<>();
        int sent = 0;
        int suppressed = 0;
        int control = 0;
        int avoided = 0;
        Map<String, Integer> byReason = new TreeMap<>();
        Set<String> recipients = new HashSet<>();
        Set<String> held = new HashSet<>();
        for (Send s : sends) {
            switch (s.status()) {
                case SENT -> {
                    sent++;
                    recipients.add(s.subjectId());
                }
                case CONTROL -> {
                    control++;
                    held.add(s.subjectId());
                }
                case SUPPRESSED -> {
                    suppressed++;
                    byReason.merge(s.reason(), 1, Integer::sum);
                    avoided += consentReason(s.reason()) ? 1 : 0;
                }
            }
            if (s.status() != Send.Status.SUPPRESSED) {
                reached.computeIfAbsent(s.subjectId(), k -> new ArrayList<>()).add(s);
            }
        }
        int conversions = 0;
        int controlConversions = 0;
        BigDecimal revenue = BigDecimal.ZERO;
        BigDecimal controlRevenue = BigDecimal.ZERO;
        Set<String> converted = new HashSet<>();
        Set<String> controlConverted = new HashSet<>();
        for (OrderTotal o : orders) {
            Send latest = null;
            for (Send s : reached.getOrDefault(o.subjectId(), List.of())) {
                if (s.at() <= o.placedAt() && o.placedAt() < s.at() + window && (latest == null || s.at() > latest.at())) {
                    latest = s;
                }
            }
            if (latest == null) {
                continue;
            }
            if (latest.status() == Send.Status.SENT) {
                conversions++;
                revenue = revenue.add(o.amount());
                converted.add(o.subjectId());
            } else {
                controlConversions++;
                controlRevenue = controlRevenue.add(o.amount());
                controlConverted.add(o.subjectId());
            }
        }
        BigDecimal cost = c.costPerMessage().multiply(BigDecimal.valueOf(sent));
        Double roi = cost.signum() == 0 ? null
                : revenue.subtract(cost).divide(cost, MathContext.DECIMAL64).doubleValue();
        double rate = share(converted.size(), recipients.size());
        double controlRate = share(controlConverted.size(), held.size());
        double uplift = rate - controlRate;
        return new CampaignReport(c.id(), launches, sent, suppressed, control, conversions, revenue, cost, roi,
                recipients.size(), converted.size(), rate, held.size(), controlConverted.size(), controlConversions,
                controlRevenue, controlRate, uplift, controlRate == 0 ? null : uplift / controlRate, avoided,
                c.costPerMessage().multiply(BigDecimal.valueOf(avoided)), byReason, c.attributionWindowDays());
    }

    /** Whether a suppression reason is a decision that denied: consent was missing, refused, withdrawn … */
    static boolean consentReason(String reason) {
        for (Reason r : Reason.values()) {
            if (r.name().equals(reason)) {
                return true;
            }
        }
        return false;
    }

    private static double share(int part, int whole) {
        return whole == 0 ? 0 : part / (double) whole;
    }
}
