package com.consento.propagation;

/**
 * When a failed delivery is tried again: the initial delay doubled per failed attempt (1 s, 2 s, 4 s …),
 * capped; after {@code maxAttempts} failures the delivery is dead.
 */
final class Backoff {
    private Backoff() {
    }

    /** The delay after the {@code attempt}-th failed attempt (1-based). */
    static long delayMillis(long initialMillis, long maxMillis, int attempt) {
        int doublings = Math.max(0, Math.min(attempt - 1, 40));
        long delay = initialMillis;
        for (int i = 0; i < doublings && delay < maxMillis; i++) {
            delay *= 2;
        }
        return Math.min(delay, maxMillis);
    }

    static boolean exhausted(int attemptsMade, int maxAttempts) {
        return attemptsMade >= maxAttempts;
    }
}
