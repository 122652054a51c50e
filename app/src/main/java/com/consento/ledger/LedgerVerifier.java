package com.consento.ledger;

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.stereotype.Service;

/**
 * Walks every partition's chain and recomputes each hash: an edited, inserted or deleted row breaks the
 * chain at that row, and a row removed from the end no longer matches the partition head.
 */
@Service
public class LedgerVerifier {
    private final LedgerStore store;
    private final Clock clock;
    private volatile Verification last;

    LedgerVerifier(LedgerStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** {@code brokenAt} names the first event whose hash or link does not hold, or is null when valid. */
    public record Verification(boolean valid, long events, String brokenAt, String reason, Instant verifiedAt) {
    }

    public Verification verify() {
        long total = 0;
        String brokenAt = null;
        String reason = null;
        long earliestBroken = Long.MAX_VALUE;
        for (LedgerStore.Head head : store.heads()) {
            AtomicLong count = new AtomicLong();
            AtomicReference<String> prev = new AtomicReference<>(HashChain.GENESIS);
            AtomicReference<RecordedEvent> broken = new AtomicReference<>();
            AtomicReference<String> why = new AtomicReference<>();
            store.walk(head.part(), e -> {
                long expectedSeq = count.incrementAndGet();
                String problem = e.seq() != expectedSeq ? "a row is missing before this one"
                        : !e.prevHash().equals(prev.get()) ? "the link to the previous row does not hold"
                        : !HashChain.hash(e.prevHash(), e).equals(e.hash()) ? "the row was changed after it was recorded"
                        : null;
                if (problem != null) {
                    broken.set(e);
                    why.set(problem);
                    return false;
                }
                prev.set(e.hash());
                return true;
            });
            total += count.get();
            if (broken.get() == null && (count.get() != head.lastSeq() || !prev.get().equals(head.hash()))) {
                if (earliestBroken == Long.MAX_VALUE) {
                    brokenAt = "partition " + head.part() + " after event " + count.get();
                    reason = "rows are missing at the end of the chain";
                }
            } else if (broken.get() != null && broken.get().recordedAt() < earliestBroken) {
                earliestBroken = broken.get().recordedAt();
                brokenAt = Long.toString(broken.get().id());
                reason = why.get();
            }
        }
        last = new Verification(brokenAt == null, total, brokenAt, reason, clock.instant());
        return last;
    }

    /** The latest result, without walking again (null before the first verification). */
    public Verification lastResult() {
        return last;
    }
}
