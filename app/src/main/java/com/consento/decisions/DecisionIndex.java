package com.consento.decisions;

import com.consento.catalog.PurposeTerms;
import com.consento.identity.SubjectDirectory;
import com.consento.ledger.ConsentChanged;
import com.consento.shared.Channel;
import java.util.HashMap;
import java.util.Map;

/**
 * Every subject's consent state in memory: one {@link KeyColumn} per (purpose, channel) key. Plain Java, so
 * the benchmark and the service use the very same code.
 */
public final class DecisionIndex {
    private static final int NO_CHANNEL = 0;
    private volatile Map<String, KeyColumn[]> keys = Map.of();
    private final SubjectDirectory subjects;

    public DecisionIndex(SubjectDirectory subjects) {
        this.subjects = subjects;
    }

    /** Applies a committed change; {@code subject} is the subject's dense index. */
    public synchronized void apply(int subject, ConsentChanged change) {
        column(change.purpose(), Channel.ofCode(change.channel()), true)
                .set(subject, change.action(), change.guardian(), change.capturedAt(), change.noticeSequence(),
                        change.eventId());
    }

    /** Forgets every key of a subject, e.g. after erasure. */
    public synchronized void clear(int subject) {
        keys.values().forEach(cols -> {
            for (KeyColumn c : cols) {
                if (c != null) {
                    c.clear(subject);
                }
            }
        });
    }

    public Decision decide(int subject, String purpose, PurposeTerms terms, Channel channel, long at) {
        if (terms == null) {
            return Decision.UNKNOWN_PURPOSE;
        }
        byte status = subjects.status(subject);
        KeyColumn column = column(purpose, channel, false);
        int flags = column == null || subject < 0 ? 0 : column.flags(subject);
        if (flags == 0) {
            return DecisionRule.decide(terms, status, subjects.adultFromDay(subject), null, false, 0, 0, 0, at);
        }
        return DecisionRule.decide(terms, status, subjects.adultFromDay(subject), KeyColumn.action(flags),
                KeyColumn.guardian(flags), column.capturedAt(subject), column.noticeSequence(subject),
                column.eventId(subject), at);
    }

    /** Approximate bytes held by the key columns (for the heap-per-subject figure). */
    public long bytesUsed() {
        long total = 0;
        for (KeyColumn[] cols : keys.values()) {
            for (KeyColumn c : cols) {
                total += c == null ? 0 : c.bytesUsed();
            }
        }
        return total;
    }

    private KeyColumn column(String purpose, Channel channel, boolean create) {
        KeyColumn[] cols = keys.get(purpose);
        int slot = channel == null ? NO_CHANNEL : channel.ordinal() + 1;
        if (cols != null && cols[slot] != null) {
            return cols[slot];
        }
        if (!create) {
            return null;
        }
        Map<String, KeyColumn[]> next = new HashMap<>(keys);
        KeyColumn[] copy = cols == null ? new KeyColumn[Channel.values().length + 1] : cols.clone();
        copy[slot] = new KeyColumn();
        next.put(purpose, copy);
        keys = next;
        return copy[slot];
    }
}
