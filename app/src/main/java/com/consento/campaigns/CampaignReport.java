package com.consento.campaigns;

import java.math.BigDecimal;
import java.util.Map;

/**
 * A campaign's results. Conversions are orders by a recipient placed at or after the send and before the end of
 * the attribution window; revenue is their Σ quantity × unitPrice; cost = sent × costPerMessage;
 * roi = (revenue − cost) / cost (null without cost). Conversion rates are the share of distinct people with at
 * least one attributed order, among recipients (treatment) and among the held-out control group;
 * uplift = treatment rate − control rate (absolute), upliftRelative = uplift / control rate.
 * avoidedWithoutConsent counts the messages not sent because consent was missing ("wasted marketing" avoided).
 */
public record CampaignReport(String campaignId, int launches, int sent, int suppressed, int control,
                             int conversions, BigDecimal revenue, BigDecimal cost, Double roi,
                             int recipients, int convertedRecipients, double conversionRate,
                             int controlPeople, int controlConverted, int controlConversions, BigDecimal controlRevenue,
                             double controlConversionRate, double uplift, Double upliftRelative,
                             int avoidedWithoutConsent, BigDecimal avoidedCost, Map<String, Integer> suppressedByReason,
                             int attributionWindowDays) {
}
