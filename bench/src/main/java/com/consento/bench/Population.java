package com.consento.bench;

import com.consento.catalog.PurposeTerms;
import com.consento.decisions.DecisionIndex;
import com.consento.identity.BenchDirectories;
import com.consento.identity.SubjectDirectory;
import com.consento.ledger.Action;
import com.consento.ledger.ConsentChanged;
import com.consento.shared.Channel;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.SplittableRandom;

/**
 * A deterministic, retail-like population for the in-process benchmarks: {@code n} subjects, 10 consent keys
 * each (marketing on five channels, personalization, purchase_history, browsing_history, ads.tencent,
 * share.jd). About 28 % of keys were never asked; the rest are GRANT 62 %, WITHDRAW 22 %, DENY 13 %,
 * EXPIRE 3 %, captured over the last three years, so that grants older than a purpose's validity have expired
 * and grants under notices older than a material one are outdated. 1.5 % of subjects are minors (about half of
 * their grants by a guardian), 0.4 % are erased. The same seed always yields the same population.
 */
public final class Population {
    public static final long DAY = 86_400_000L;
    /** "Now" for every decision: fixed, so the mix of reasons does not drift with the calendar. */
    public static final long NOW = Instant.parse("2026-06-01T00:00:00Z").toEpochMilli();
    public static final int KEYS = 10;
    public static final String[] PURPOSE = {"marketing", "marketing", "marketing", "marketing", "marketing",
            "personalization", "purchase_history", "browsing_history", "ads.tencent", "share.jd"};
    public static final Channel[] CHANNEL = {Channel.SMS, Channel.EMAIL, Channel.PUSH, Channel.WECHAT, Channel.PHONE,
            null, null, null, null, null};
    /** Probability that a key was never asked, per key. */
    private static final double[] NEVER_ASKED = {0.15, 0.25, 0.35, 0.30, 0.50, 0.10, 0.15, 0.20, 0.40, 0.45};
    private static final long THREE_YEARS = 3 * 365 * DAY;
    private static final int NOW_DAY = (int) Math.floorDiv(NOW, DAY);

    /** The flattened terms of each key's purpose, as the catalog snapshot would hand them to the index. */
    public static final PurposeTerms[] TERMS = new PurposeTerms[KEYS];

    static {
        long sep2025 = millis(2025, 9, 1);
        long mar2026 = millis(2026, 3, 1);
        PurposeTerms marketing = new PurposeTerms("marketing", true, 730 * DAY, new long[] {3}, new long[] {sep2025});
        for (int k = 0; k < 5; k++) {
            TERMS[k] = marketing;
        }
        TERMS[5] = new PurposeTerms("personalization", true, 0, new long[] {4}, new long[] {mar2026});
        TERMS[6] = new PurposeTerms("purchase_history", true, 0, new long[] {4}, new long[] {mar2026});
        TERMS[7] = new PurposeTerms("browsing_history", true, 365 * DAY, new long[] {4}, new long[] {mar2026});
        TERMS[8] = new PurposeTerms("ads.tencent", true, 365 * DAY, new long[0], new long[0]);
        TERMS[9] = new PurposeTerms("share.jd", true, 365 * DAY, new long[0], new long[0]);
    }

    /** Receives one key's winning state, as the state table would stream it at start-up. */
    @FunctionalInterface
    public interface ChangeSink {
        void accept(int subject, int key, Action action, boolean guardian, long capturedAt, long noticeSequence,
                    long eventId);
    }

    private Population() {
    }

    /** A directory of {@code n} subjects; with {@code link}, each gets one identifier (a phone's lookup hash). */
    public static SubjectDirectory directory(int n, long seed, boolean link) {
        SubjectDirectory directory = new SubjectDirectory();
        SplittableRandom r = new SplittableRandom(seed);
        SplittableRandom hashes = new SplittableRandom(~seed);
        for (int s = 0; s < n; s++) {
            BenchDirectories.put(directory, s, status(r), adultFromDay(r));
            if (link) {
                long hash = hashes.nextLong();
                BenchDirectories.link(directory, hex16(hash), s);
            }
        }
        return directory;
    }

    /** Streams every asked key of {@code n} subjects, subject by subject. */
    public static long forEachChange(int n, long seed, ChangeSink sink) {
        SplittableRandom r = new SplittableRandom(seed ^ 0x5DEECE66DL);
        SplittableRandom minors = new SplittableRandom(seed);
        long eventSeq = 0;
        long count = 0;
        for (int s = 0; s < n; s++) {
            // replay the directory's draws for this subject so that minors get guardian grants
            status(minors);
            boolean minor = adultFromDay(minors) > NOW_DAY;
            for (int k = 0; k < KEYS; k++) {
                if (r.nextDouble() < NEVER_ASKED[k]) {
                    continue;
                }
                double a = r.nextDouble();
                Action action = a < 0.62 ? Action.GRANT : a < 0.84 ? Action.WITHDRAW : a < 0.97 ? Action.DENY
                        : Action.EXPIRE;
                boolean guardian = minor && action == Action.GRANT && r.nextDouble() < 0.5;
                long capturedAt = (NOW - (long) (r.nextDouble() * THREE_YEARS)) / 1000 * 1000;
                long notice = 1 + r.nextInt(4);
                eventSeq++;
                sink.accept(s, k, action, guardian, capturedAt, notice, eventSeq * 16 + (s & 15));
                count++;
            }
        }
        return count;
    }

    /** A decision index over {@code directory}, filled with {@link #forEachChange}; returns the keys applied. */
    public static long fill(DecisionIndex index, int n, long seed) {
        return forEachChange(n, seed, (s, k, action, guardian, capturedAt, notice, eventId) ->
                index.apply(s, change(null, k, action, guardian, capturedAt, notice, eventId)));
    }

    public static ConsentChanged change(String subjectId, int key, Action action, boolean guardian, long capturedAt,
                                        long notice, long eventId) {
        return new ConsentChanged(subjectId, PURPOSE[key], CHANNEL[key] == null ? "" : CHANNEL[key].code(), action,
                capturedAt, notice, guardian, eventId);
    }

    private static byte status(SplittableRandom r) {
        return r.nextDouble() < 0.004 ? SubjectDirectory.ERASED : SubjectDirectory.ACTIVE;
    }

    private static int adultFromDay(SplittableRandom r) {
        double d = r.nextDouble();
        if (d < 0.015) {
            return NOW_DAY + 1 + r.nextInt(2500);      // a minor: turns 14 within the next ~7 years
        }
        if (d < 0.40) {
            return NOW_DAY - 1 - r.nextInt(20_000);    // birth date known, adult
        }
        return SubjectDirectory.NO_MINOR;
    }

    private static String hex16(long v) {
        String h = Long.toHexString(v);
        return "0".repeat(16 - h.length()) + h;
    }

    private static long millis(int y, int m, int d) {
        return LocalDate.of(y, m, d).atStartOfDay().toInstant(ZoneOffset.UTC).toEpochMilli();
    }
}
