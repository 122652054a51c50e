package com.consento.audiences;

import java.util.List;

/**
 * What an audience is asked for: the purpose and channel whose consent gates it, the rule, the weekly cap per
 * person (null = the configured default), extra suppression lists (the global one always applies) and the
 * preference topic of the message (may be null).
 */
public record AudienceQuery(String purpose, String channel, Rule rule, Integer perWeekCap,
                            List<String> suppressionLists, String topic) {

    public AudienceQuery {
        suppressionLists = suppressionLists == null ? List.of() : List.copyOf(suppressionLists);
    }
}
