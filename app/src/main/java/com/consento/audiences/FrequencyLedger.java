package com.consento.audiences;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.roaringbitmap.RoaringBitmap;

/**
 * Messages sent, per UTC day, as layers of bitmaps: layer k of a day holds the subjects sent more than k
 * messages that day. "At least n messages in a window" is then bitmap arithmetic over the window's layers,
 * restricted to the candidates, with no per-person counters. Thread-safe.
 */
public final class FrequencyLedger {
    static final long DAY = 86_400_000L;
    private final TreeMap<Long, List<RoaringBitmap>> days = new TreeMap<>();

    public synchronized void record(int subject, long at) {
        List<RoaringBitmap> layers = days.computeIfAbsent(Math.floorDiv(at, DAY), d -> new ArrayList<>());
        for (RoaringBitmap layer : layers) {
            if (layer.checkedAdd(subject)) {
                return;
            }
        }
        RoaringBitmap next = new RoaringBitmap();
        next.add(subject);
        layers.add(next);
    }

    /** Messages a subject was sent on the {@code windowDays} UTC days ending with the day of {@code at}. */
    public synchronized int count(int subject, long at, int windowDays) {
        int n = 0;
        for (List<RoaringBitmap> layers : window(at, windowDays).values()) {
            for (RoaringBitmap layer : layers) {
                if (!layer.contains(subject)) {
                    break;
                }
                n++;
            }
        }
        return n;
    }

    /** Of {@code candidates}, those sent at least {@code n} messages in the window (all of them when n <= 0). */
    public synchronized RoaringBitmap atLeast(int n, long at, int windowDays, RoaringBitmap candidates) {
        if (n <= 0) {
            return candidates.clone();
        }
        RoaringBitmap[] atLeast = new RoaringBitmap[n + 1];
        for (int j = 1; j <= n; j++) {
            atLeast[j] = new RoaringBitmap();
        }
        for (List<RoaringBitmap> layers : window(at, windowDays).values()) {
            for (RoaringBitmap layer : layers) {
                RoaringBitmap b = RoaringBitmap.and(layer, candidates);
                if (b.isEmpty()) {
                    break;
                }
                for (int j = n; j >= 2; j--) {
                    atLeast[j].or(RoaringBitmap.and(atLeast[j - 1], b));
                }
                atLeast[1].or(b);
            }
        }
        return atLeast[n];
    }

    /** Drops days before {@code before}; the caller keeps only what a cap can still count. */
    public synchronized void prune(long before) {
        days.headMap(Math.floorDiv(before, DAY)).clear();
    }

    private Map<Long, List<RoaringBitmap>> window(long at, int windowDays) {
        long last = Math.floorDiv(at, DAY);
        return days.subMap(last - windowDays + 1, true, last, true);
    }
}
