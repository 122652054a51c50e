package com.consento.propagation;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Per consent key, the outbox sequence of the last change this node took from the topic: a change that is not
 * newer is skipped. Kafka delivery is at least once. When the relay does not hear Kafka's acknowledgement (an
 * outage, a time-out) it publishes the same rows again, and a failed attempt may still land some of its records
 * after the relay gave up on them (the producer retries a partition after a time-out). So a node may read a
 * change twice, or an older change of a key after a newer one; applying that would set the key back (a copy of
 * a grant allowing again after the withdrawal) until the copy of the newer change arrives. The sequence orders a
 * subject's commits cluster-wide, and a key belongs to one subject.
 *
 * <p>Bounded: past {@code capacity} keys the least recently changed is forgotten (copies come within seconds of
 * the original; a copy of a forgotten key is followed by the copy of its newer change in the same re-send).
 */
final class AppliedChanges {
    private final Map<String, Long> last;

    AppliedChanges(int capacity) {
        this.last = new LinkedHashMap<>(1024, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Long> eldest) {
                return size() > capacity;
            }
        };
    }

    /** Whether the change {@code seq} of {@code key} is newer than any taken before; if so, it is now the last. */
    synchronized boolean isNew(String key, long seq) {
        Long seen = last.get(key);
        if (seen != null && seq <= seen) {
            return false;
        }
        // removed first, so that the key moves to the young end of the insertion order
        last.remove(key);
        last.put(key, seq);
        return true;
    }

    synchronized int size() {
        return last.size();
    }
}
