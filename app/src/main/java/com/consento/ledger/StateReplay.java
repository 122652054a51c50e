package com.consento.ledger;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Point-in-time state: replays the events captured at or before {@code at}, whenever they were recorded,
 * and keeps each key's winner under {@link ConsentOrder}.
 */
public final class StateReplay {
    private StateReplay() {
    }

    public record Key(String purpose, String channel) {
    }

    public static Map<Key, RecordedEvent> winners(List<RecordedEvent> events, long at) {
        Map<Key, RecordedEvent> winners = new LinkedHashMap<>();
        for (RecordedEvent e : events) {
            if (e.capturedAt() > at || !e.action().consent()) {
                continue;
            }
            winners.merge(new Key(e.purpose(), e.channel()), e,
                    (current, candidate) -> ConsentOrder.supersedes(candidate, current) ? candidate : current);
        }
        return winners;
    }
}
