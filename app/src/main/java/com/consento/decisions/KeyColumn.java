package com.consento.decisions;

import com.consento.catalog.PurposeTerms;
import com.consento.ledger.Action;
import java.util.Arrays;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The state of one consent key for every subject: 12 bytes a subject, three adjacent ints in one {@code int[]}
 * chunk of 32 Ki subjects, so a decision touches one cache line (rarely two) of the key instead of four arrays.
 * 12 bytes rather than the 16 of two longs because the heap target (200 B a subject with the audience index)
 * leaves about 150 B for decisions, and 10 keys at 16 B would take 160 alone.
 * <pre>
 * head     bits 0-2   action code: 0 never asked, action ordinal + 1, 7 = kept in {@link #outside}
 *          bit  3     guardian
 *          bits 4-15  notice sequence (0..4095)
 *          bits 16-31 event id bits 32-47
 * captured            capture time in whole seconds since {@link #EPOCH}, signed (1951..2088)
 * event               event id bits 0-31
 * </pre>
 * Event ids are partition sequences (well below 2^48) and notice sequences count published notices, so real
 * rows always fit; a value that does not goes to {@link #outside}, a map that keeps it whole, so a decision
 * never depends on a truncated field. Capture times are kept in whole seconds, as {@link PurposeTerms#expiresAt}
 * counts validity from the start of the captured second. Writers are serialised by the index; a reader reads
 * the head first and the writer writes it last, the same benign per-field race as the state API's.
 */
final class KeyColumn {
    /** 32 Ki subjects: a chunk is 384 KiB, below G1's humongous threshold even with 1 MiB regions. */
    static final int CHUNK_BITS = 15;
    static final int CHUNK = 1 << CHUNK_BITS;
    private static final int MASK = CHUNK - 1;
    private static final int WORDS = 3;
    /** Capture times are stored in seconds from 2020-01-01, which an int holds from 1951 until 2088. */
    static final long EPOCH = 1_577_836_800_000L;
    private static final Action[] ACTIONS = Action.values();
    private static final int CODE = 0x7;
    private static final int OUTSIDE = 0x7;
    private static final int GUARDIAN = 0x8;
    private static final int NOTICE_SHIFT = 4;
    private static final long MAX_NOTICE = 0xFFF;
    private static final long MAX_EVENT = (1L << 48) - 1;

    /** A key whose values do not fit the 12 bytes, kept whole. */
    private record Outside(Action action, boolean guardian, long capturedAt, long noticeSequence, long eventId) {
    }

    /** Chunk c holds subjects c * CHUNK ..; published by replacing the volatile spine, never in place. */
    private volatile int[][] chunks = new int[0][];
    private final ConcurrentHashMap<Integer, Outside> outside = new ConcurrentHashMap<>();

    /** The decision for {@code subject} on this key, by {@link DecisionRule}; the subject's own facts given. */
    Decision decide(int subject, PurposeTerms terms, byte status, int adultFromDay, long at) {
        int[][] cs = chunks;
        int c = subject >>> CHUNK_BITS;
        int[] chunk = c < cs.length ? cs[c] : null;
        if (chunk == null) {
            return DecisionRule.decide(terms, status, adultFromDay, null, false, 0, 0, 0, at);
        }
        int i = (subject & MASK) * WORDS;
        while (true) {
            int head = chunk[i];
            int code = head & CODE;
            if (code == 0) {
                return DecisionRule.decide(terms, status, adultFromDay, null, false, 0, 0, 0, at);
            }
            if (code != OUTSIDE) {
                long eventId = ((long) (head >>> 16) << 32) | (chunk[i + 2] & 0xFFFF_FFFFL);
                return DecisionRule.decide(terms, status, adultFromDay, ACTIONS[code - 1], (head & GUARDIAN) != 0,
                        EPOCH + chunk[i + 1] * 1000L, (head >>> NOTICE_SHIFT) & MAX_NOTICE, eventId, at);
            }
            Outside o = outside.get(subject);
            if (o != null) {
                return DecisionRule.decide(terms, status, adultFromDay, o.action(), o.guardian(), o.capturedAt(),
                        o.noticeSequence(), o.eventId(), at);
            }
            // a writer moved the subject back into the chunk between our two reads: read the head again
        }
    }

    void set(int subject, Action action, boolean guardian, long capturedAt, long noticeSequence, long eventId) {
        int[] chunk = chunk(subject >>> CHUNK_BITS);
        int i = (subject & MASK) * WORDS;
        long seconds = Math.floorDiv(capturedAt, 1000L) - EPOCH / 1000L;
        if (seconds != (int) seconds || noticeSequence < 0 || noticeSequence > MAX_NOTICE || eventId < 0
                || eventId > MAX_EVENT) {
            // in the map before the head says so: a reader that sees OUTSIDE finds the entry
            outside.put(subject, new Outside(action, guardian, capturedAt, noticeSequence, eventId));
            chunk[i] = OUTSIDE;
            return;
        }
        chunk[i + 1] = (int) seconds;
        chunk[i + 2] = (int) eventId;
        // head last: a reader that sees the new action also sees the fields written before it
        chunk[i] = (int) (eventId >>> 32) << 16 | (int) noticeSequence << NOTICE_SHIFT | (guardian ? GUARDIAN : 0)
                | (action.ordinal() + 1);
        outside.remove(subject);
    }

    void clear(int subject) {
        int[][] cs = chunks;
        int c = subject >>> CHUNK_BITS;
        if (c < cs.length && cs[c] != null) {
            cs[c][(subject & MASK) * WORDS] = 0;
        }
        outside.remove(subject);
    }

    long bytesUsed() {
        long allocated = 0;
        for (int[] chunk : chunks) {
            allocated += chunk == null ? 0 : 1;
        }
        // an Outside entry: node, boxed key and record, about 100 bytes
        return allocated * CHUNK * WORDS * Integer.BYTES + outside.size() * 100L;
    }

    private int[] chunk(int c) {
        int[][] cs = chunks;
        if (c < cs.length && cs[c] != null) {
            return cs[c];
        }
        int[][] next = Arrays.copyOf(cs, Math.max(c + 1, cs.length));
        next[c] = new int[CHUNK * WORDS];
        chunks = next;
        return next[c];
    }
}
