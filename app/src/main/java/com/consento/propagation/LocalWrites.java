package com.consento.propagation;

import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Keeps a node's own recent writes from being undone by older changes still on their way through Kafka.
 *
 * <p>A node applies its own commits to its index at once; the topic brings every commit (its own included)
 * later, in commit order per subject. If node B withdraws right after node A granted, B's index already says
 * WITHDRAWN when A's grant arrives from the topic; applying it would allow again until B's own withdrawal comes
 * back. So each local write is remembered (consent key → outbox sequence, which orders a subject's commits)
 * until its own echo arrives, and a remote change with a lower sequence for that key is skipped. Check and
 * apply happen under one lock with the recording, which runs after the commit and before the ledger's hook
 * applies the change locally. Entries whose echo never comes (Kafka down for long) expire after a time-to-live.
 */
@Component
class LocalWrites {
    private static final int MAX_ENTRIES = 1_000_000;
    private final boolean enabled;
    private final long ttlNanos;
    private final Map<String, long[]> pending = new HashMap<>();

    @Autowired
    LocalWrites(@Value("${consento.kafka.bootstrap:}") String bootstrap,
                @Value("${consento.kafka.local-write-ttl:10m}") java.time.Duration ttl) {
        this.enabled = bootstrap != null && !bootstrap.isBlank();
        this.ttlNanos = ttl.toNanos();
    }

    LocalWrites(boolean enabled, java.time.Duration ttl) {
        this.enabled = enabled;
        this.ttlNanos = ttl.toNanos();
    }

    /** One local write: a consent key and the outbox sequence of its change. */
    record Write(String key, long seq) {
    }

    static String key(String subjectId, String purpose, String channel) {
        return subjectId + '\u001f' + purpose + '\u001f' + (channel == null ? "" : channel);
    }

    boolean enabled() {
        return enabled;
    }

    synchronized void record(List<Write> writes) {
        long now = System.nanoTime();
        if (pending.size() + writes.size() > MAX_ENTRIES) {
            expire(now, false);
            if (pending.size() + writes.size() > MAX_ENTRIES) {
                expire(now, true);
            }
        }
        for (Write w : writes) {
            long[] entry = pending.get(w.key());
            if (entry == null) {
                pending.put(w.key(), new long[] {w.seq(), now});
            } else if (w.seq() > entry[0]) {
                entry[0] = w.seq();
                entry[1] = now;
            }
        }
    }

    /**
     * Applies a change that came through the topic unless this node has already applied a later local write of
     * the same key; returns whether it was applied.
     */
    synchronized boolean applyRemote(String key, long seq, Runnable apply) {
        long[] entry = pending.get(key);
        if (entry != null) {
            if (seq < entry[0]) {
                return false;
            }
            pending.remove(key);
        }
        apply.run();
        return true;
    }

    synchronized int size() {
        return pending.size();
    }

    /** Drops entries older than the time-to-live, or every entry when {@code all}. */
    synchronized void expire(long nowNanos, boolean all) {
        Iterator<long[]> it = pending.values().iterator();
        while (it.hasNext()) {
            long[] e = it.next();
            if (all || nowNanos - e[1] > ttlNanos) {
                it.remove();
            }
        }
    }
}
