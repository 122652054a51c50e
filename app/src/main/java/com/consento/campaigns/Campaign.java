package com.consento.campaigns;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * A campaign as defined: its audience {@code rule} is kept in its JSON form; {@code controlPercent} of the
 * eligible audience is held out (chosen by {@code seed}); {@code perWeekCap} null means the configured
 * default; {@code perPersonCap} is how many times one person may get this campaign (the campaign cap).
 */
public record Campaign(String id, String name, CampaignType type, String purpose, String channel,
                       Map<String, Object> rule, List<String> suppressionLists, String topic,
                       BigDecimal controlPercent, BigDecimal costPerMessage, String templateText, String offer,
                       int attributionWindowDays, Integer perWeekCap, int perPersonCap, long seed, long createdAt) {

    public Campaign {
        suppressionLists = suppressionLists == null ? List.of() : List.copyOf(suppressionLists);
    }
}
