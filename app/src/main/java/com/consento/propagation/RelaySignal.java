package com.consento.propagation;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.springframework.stereotype.Component;

/**
 * Wakes the relay's loops early: after a commit that wrote the outbox, or when a delivery finished. Each loop
 * (webhooks; Kafka in cluster mode) waits on a {@link Waiter} of its own, so that a commit wakes both and neither
 * takes the other's wake-up.
 */
@Component
class RelaySignal {
    private final List<Waiter> waiters = new CopyOnWriteArrayList<>();

    /** A new loop to wake; keep it for the life of the loop's owner. */
    Waiter waiter() {
        Waiter w = new Waiter();
        waiters.add(w);
        return w;
    }

    /** Something was committed: every loop looks. */
    void wake() {
        waiters.forEach(Waiter::wake);
    }

    static final class Waiter {
        private final Semaphore permits = new Semaphore(0);

        void wake() {
            if (permits.availablePermits() == 0) {
                permits.release();
            }
        }

        /** Waits until woken or until the interval passes; returns at once when already woken. */
        void await(long millis) throws InterruptedException {
            if (permits.tryAcquire(millis, TimeUnit.MILLISECONDS)) {
                permits.drainPermits();
            }
        }
    }
}
