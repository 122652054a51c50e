package com.consento.campaigns;

import com.consento.audiences.Rule;
import com.consento.audiences.RuleParser;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The audience and topic a campaign type implies: BIRTHDAY adds "born in the send month" to its rule;
 * LOYALTY without a rule means three orders or more; FLASH_SALE without a rule, an order in the last 180
 * days; CUSTOM needs its own rule. The rule is evaluated at each launch, never frozen.
 */
final class CampaignRules {
    static final int LOYAL_ORDERS = 3;
    static final int FLASH_SALE_RECENCY_DAYS = 180;

    private CampaignRules() {
    }

    static Rule audience(Campaign c, LocalDate sendDay) {
        Rule own = c.rule() == null ? null : RuleParser.parse(c.rule(), "/audience/rule");
        return switch (c.type()) {
            case BIRTHDAY -> {
                List<Rule> parts = new ArrayList<>();
                parts.add(Rule.attr("birthMonth", Rule.Op.EQ, sendDay.getMonthValue()));
                if (own != null) {
                    parts.add(own);
                }
                yield new Rule.All(parts, "");
            }
            case LOYALTY -> own != null ? own : Rule.attr("orders", Rule.Op.GTE, LOYAL_ORDERS);
            case FLASH_SALE -> own != null ? own : Rule.attr("daysSinceLastOrder", Rule.Op.LTE, FLASH_SALE_RECENCY_DAYS);
            case CUSTOM -> own;
        };
    }

    /** The preference topic of a campaign: as given, else the one its type implies. */
    static String topic(CampaignType type, String given) {
        if (given != null && !given.isBlank()) {
            return given.strip();
        }
        return switch (type) {
            case BIRTHDAY -> "birthday";
            case LOYALTY -> "loyalty";
            case FLASH_SALE -> "promotions";
            case CUSTOM -> null;
        };
    }
}
