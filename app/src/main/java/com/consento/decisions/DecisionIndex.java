package com.consento.decisions;

import com.consento.catalog.PurposeTerms;
import com.consento.identity.SubjectDirectory;
import com.consento.ledger.Action;
import com.consento.ledger.ConsentChanged;
import com.consento.shared.Channel;
import java.util.HashMap;
import java.util.Map;
import org.roaringbitmap.RoaringBitmap;
import org.roaringbitmap.RoaringBitmapWriter;

/**
 * Every subject's consent state in memory: one {@link KeyColumn} per (purpose, channel) key. Plain Java, so
 * the benchmark and the service use the very same code.
 */
public final class DecisionIndex {
    private static final int NO_CHANNEL = 0;
    private volatile Map<String, KeyColumn[]> keys = Map.of();
    /** Per key, the subjects whose winning action is GRANT; guarded by this index's monitor. */
    private final Map<String, RoaringBitmap[]> grants = new HashMap<>();
    private final SubjectDirectory subjects;

    public DecisionIndex(SubjectDirectory subjects) {
        this.subjects = subjects;
    }

    /** Applies a committed change; {@code subject} is the subject's dense index. */
    public synchronized void apply(int subject, ConsentChanged change) {
        Channel channel = Channel.ofCode(change.channel());
        column(change.purpose(), channel, true)
                .set(subject, change.action(), change.guardian(), change.capturedAt(), change.noticeSequence(),
                        change.eventId());
        RoaringBitmap granted = grants(change.purpose(), channel);
        if (change.action() == Action.GRANT) {
            granted.add(subject);
        } else {
            granted.remove(subject);
        }
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
        grants.values().forEach(bitmaps -> {
            for (RoaringBitmap b : bitmaps) {
                if (b != null) {
                    b.remove(subject);
                }
            }
        });
    }

    /**
     * Of {@code candidates} (dense subject indexes), exactly those whose decision for the key at {@code at} allows:
     * the per-key GRANT bitmap narrows them by bitmap algebra, then {@link DecisionRule} is applied to each one
     * left, so expiry, outdated notices, minors and erasure hold just as in {@link #decide}. A purpose on
     * another legal basis needs no consent: every known, unerased candidate is allowed (null candidates: nobody).
     */
    public RoaringBitmap allowed(String purpose, PurposeTerms terms, Channel channel, long at,
                                 RoaringBitmap candidates) {
        if (terms == null) {
            return new RoaringBitmap();
        }
        RoaringBitmap narrowed;
        if (!terms.consentGated()) {
            narrowed = candidates == null ? new RoaringBitmap() : candidates;
        } else {
            synchronized (this) {
                RoaringBitmap[] bitmaps = grants.get(purpose);
                RoaringBitmap granted = bitmaps == null ? null : bitmaps[channel == null ? NO_CHANNEL : channel.ordinal() + 1];
                if (granted == null) {
                    return new RoaringBitmap();
                }
                narrowed = candidates == null ? granted.clone() : RoaringBitmap.and(granted, candidates);
            }
        }
        KeyColumn column = column(purpose, channel, false);
        RoaringBitmapWriter<RoaringBitmap> out = RoaringBitmapWriter.writer().get();
        narrowed.forEach((int s) -> {
            if (decide(s, terms, column, at).allowed()) {
                out.add(s);
            }
        });
        return out.get();
    }

    /** Every subject whose decision for a consent-based key allows at {@code at}. */
    public RoaringBitmap allowed(String purpose, PurposeTerms terms, Channel channel, long at) {
        return allowed(purpose, terms, channel, at, null);
    }

    private Decision decide(int subject, PurposeTerms terms, KeyColumn column, long at) {
        byte status = subjects.status(subject);
        int adultFromDay = subjects.adultFromDay(subject);
        if (column == null || subject < 0) {
            return DecisionRule.decide(terms, status, adultFromDay, null, false, 0, 0, 0, at);
        }
        return column.decide(subject, terms, status, adultFromDay, at);
    }

    private RoaringBitmap grants(String purpose, Channel channel) {
        RoaringBitmap[] bitmaps = grants.computeIfAbsent(purpose, p -> new RoaringBitmap[Channel.values().length + 1]);
        int slot = channel == null ? NO_CHANNEL : channel.ordinal() + 1;
        if (bitmaps[slot] == null) {
            bitmaps[slot] = new RoaringBitmap();
        }
        return bitmaps[slot];
    }

    public Decision decide(int subject, String purpose, PurposeTerms terms, Channel channel, long at) {
        if (terms == null) {
            return Decision.UNKNOWN_PURPOSE;
        }
        return decide(subject, terms, column(purpose, channel, false), at);
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
