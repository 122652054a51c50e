package com.consento.decisions;

import com.consento.ledger.Action;

/**
 * The state of one consent key for every subject, in columns of primitive arrays allocated in chunks of
 * 64 Ki subjects: 17 bytes a subject, no object per entry, no slack beyond one chunk. Writers are serialised
 * by the index; readers see a whole entry or the previous one for each field (benign races per field).
 */
final class KeyColumn {
    static final int CHUNK_BITS = 16;
    static final int CHUNK = 1 << CHUNK_BITS;
    private static final int MASK = CHUNK - 1;
    private static final Action[] ACTIONS = Action.values();
    private static final byte GUARDIAN = (byte) 0x10;
    /** Capture times are stored in seconds from 2020-01-01, which an int holds until 2088. */
    static final long EPOCH = 1_577_836_800_000L;

    private volatile byte[][] flags = new byte[0][];
    private volatile int[][] captured = new int[0][];
    private volatile int[][] notice = new int[0][];
    private volatile long[][] event = new long[0][];

    /** The action code (ordinal + 1; 0 when the subject was never asked) with the guardian bit. */
    int flags(int subject) {
        byte[][] f = flags;
        int c = subject >>> CHUNK_BITS;
        return c < f.length && f[c] != null ? f[c][subject & MASK] : 0;
    }

    static Action action(int flags) {
        int code = flags & 0x0F;
        return code == 0 ? null : ACTIONS[code - 1];
    }

    static boolean guardian(int flags) {
        return (flags & GUARDIAN) != 0;
    }

    long capturedAt(int subject) {
        return EPOCH + captured[subject >>> CHUNK_BITS][subject & MASK] * 1000L;
    }

    long noticeSequence(int subject) {
        return notice[subject >>> CHUNK_BITS][subject & MASK];
    }

    long eventId(int subject) {
        return event[subject >>> CHUNK_BITS][subject & MASK];
    }

    void set(int subject, Action action, boolean guardian, long capturedAt, long noticeSequence, long eventId) {
        int c = subject >>> CHUNK_BITS;
        ensure(c);
        int i = subject & MASK;
        captured[c][i] = (int) Math.floorDiv(capturedAt - EPOCH, 1000L);
        notice[c][i] = (int) noticeSequence;
        event[c][i] = eventId;
        // flags last: a reader that sees the new action also sees the fields written before it
        flags[c][i] = (byte) ((action.ordinal() + 1) | (guardian ? GUARDIAN : 0));
    }

    void clear(int subject) {
        int c = subject >>> CHUNK_BITS;
        byte[][] f = flags;
        if (c < f.length && f[c] != null) {
            f[c][subject & MASK] = 0;
        }
    }

    long bytesUsed() {
        long chunks = 0;
        for (byte[] f : flags) {
            chunks += f == null ? 0 : 1;
        }
        return chunks * CHUNK * 17L;
    }

    private void ensure(int chunk) {
        if (chunk >= flags.length) {
            int n = Math.max(chunk + 1, flags.length + (flags.length >> 1) + 1);
            captured = java.util.Arrays.copyOf(captured, n);
            notice = java.util.Arrays.copyOf(notice, n);
            event = java.util.Arrays.copyOf(event, n);
            flags = java.util.Arrays.copyOf(flags, n);
        }
        if (flags[chunk] == null) {
            captured[chunk] = new int[CHUNK];
            notice[chunk] = new int[CHUNK];
            event[chunk] = new long[CHUNK];
            flags[chunk] = new byte[CHUNK];
        }
    }
}
