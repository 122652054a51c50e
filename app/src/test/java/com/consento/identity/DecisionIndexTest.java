package com.consento.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.consento.catalog.PurposeTerms;
import com.consento.decisions.Decision;
import com.consento.decisions.DecisionIndex;
import com.consento.decisions.DecisionRule;
import com.consento.decisions.Reason;
import com.consento.ledger.Action;
import com.consento.ledger.ConsentChanged;
import com.consento.shared.Channel;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.SplittableRandom;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.roaringbitmap.RoaringBitmap;

/**
 * The decision index over a real {@link SubjectDirectory}. It lives in the identity package because the
 * directory's mutators are package-private there; the index itself is driven only through its public API.
 */
class DecisionIndexTest {
    private static final long DAY = 86_400_000L;
    /** The index keeps capture times as int seconds from here: the edges of that range are tested. */
    private static final long EPOCH_2020 = Instant.parse("2020-01-01T00:00:00Z").toEpochMilli();
    private static final long T0 = Instant.parse("2026-03-01T02:00:00Z").toEpochMilli();
    private static final PurposeTerms MARKETING = new PurposeTerms("marketing", true, 0, new long[0], new long[0]);
    private static final PurposeTerms PERSONALIZATION =
            new PurposeTerms("personalization", true, 0, new long[0], new long[0]);
    private static final PurposeTerms ORDER_FULFILMENT =
            new PurposeTerms("order_fulfilment", false, 0, new long[0], new long[0]);

    private final SubjectDirectory directory = new SubjectDirectory();
    private final DecisionIndex index = new DecisionIndex(directory);
    private long nextEventId = 100;

    private int active(int subject) {
        directory.put(subject, SubjectDirectory.ACTIVE, SubjectDirectory.NO_MINOR);
        return subject;
    }

    private long apply(int subject, String purpose, String channel, Action action, long capturedAt) {
        return apply(subject, purpose, channel, action, capturedAt, false, 1);
    }

    private long apply(int subject, String purpose, String channel, Action action, long capturedAt, boolean guardian,
                       long noticeSequence) {
        long eventId = nextEventId++;
        index.apply(subject, new ConsentChanged("sub_" + subject, purpose, channel, action, capturedAt,
                noticeSequence, guardian, eventId));
        return eventId;
    }

    @Test
    @DisplayName("a grant applied to the index allows at once, citing its event")
    void a_grant_applied_allows_at_once() {
        int alice = active(7);
        long event = apply(alice, "marketing", "sms", Action.GRANT, T0);

        Decision d = index.decide(alice, "marketing", MARKETING, Channel.SMS, T0 + 1000);

        assertThat(d).isEqualTo(new Decision(true, Reason.GRANTED, event));
        assertThat(d.eventRef()).isEqualTo(Long.toString(event));
    }

    @Test
    @DisplayName("PIPL-15b a withdrawal applied after a grant denies on the very next decision")
    void a_withdrawal_applied_after_a_grant_denies_at_once() {
        int alice = active(7);
        apply(alice, "marketing", "sms", Action.GRANT, T0);
        long withdrawal = apply(alice, "marketing", "sms", Action.WITHDRAW, T0 + 60_000);

        Decision d = index.decide(alice, "marketing", MARKETING, Channel.SMS, T0 + 60_000);

        assertThat(d).isEqualTo(new Decision(false, Reason.WITHDRAWN, withdrawal));
    }

    @Test
    @DisplayName("a refusal applied to the index denies with DENIED")
    void a_refusal_denies() {
        int alice = active(7);
        apply(alice, "personalization", "", Action.DENY, T0);

        assertThat(index.decide(alice, "personalization", PERSONALIZATION, null, T0).reason()).isEqualTo(Reason.DENIED);
    }

    @Test
    @DisplayName("subjects in later chunks (index beyond 65 536) are kept apart from each other and from chunk 0")
    void subjects_in_later_chunks_work() {
        int first = active(5);
        int second = active(65_536 + 5);
        int far = active(5_000_000 + 5);
        apply(second, "marketing", "email", Action.GRANT, T0);
        apply(far, "marketing", "email", Action.DENY, T0);

        assertThat(index.decide(second, "marketing", MARKETING, Channel.EMAIL, T0).reason()).isEqualTo(Reason.GRANTED);
        assertThat(index.decide(far, "marketing", MARKETING, Channel.EMAIL, T0).reason()).isEqualTo(Reason.DENIED);
        assertThat(index.decide(first, "marketing", MARKETING, Channel.EMAIL, T0).reason())
                .isEqualTo(Reason.NO_CONSENT);
        assertThat(index.decide(65_536 * 3 + 5, "marketing", MARKETING, Channel.EMAIL, T0).reason())
                .as("a never-seen subject in a chunk between them").isEqualTo(Reason.UNKNOWN_SUBJECT);
    }

    @Test
    @DisplayName("NDSR-22d a key never asked is NO_CONSENT: another channel, another purpose, no channel")
    void an_unknown_key_is_no_consent() {
        int alice = active(7);
        apply(alice, "marketing", "sms", Action.GRANT, T0);

        assertThat(index.decide(alice, "marketing", MARKETING, Channel.EMAIL, T0).reason()).isEqualTo(Reason.NO_CONSENT);
        assertThat(index.decide(alice, "marketing", MARKETING, null, T0).reason()).isEqualTo(Reason.NO_CONSENT);
        assertThat(index.decide(alice, "personalization", PERSONALIZATION, null, T0).reason())
                .isEqualTo(Reason.NO_CONSENT);
        assertThat(index.decide(alice, "personalization", PERSONALIZATION, null, T0).allowed()).isFalse();
    }

    @Test
    @DisplayName("NDSR-22d an unknown purpose denies")
    void an_unknown_purpose_denies() {
        int alice = active(7);

        assertThat(index.decide(alice, "nope", null, null, T0))
                .isEqualTo(new Decision(false, Reason.UNKNOWN_PURPOSE, 0));
    }

    @Test
    @DisplayName("a subject not in the directory is UNKNOWN_SUBJECT, whatever its index")
    void a_subject_not_in_the_directory_is_unknown() {
        assertThat(index.decide(123, "marketing", MARKETING, Channel.SMS, T0).reason())
                .isEqualTo(Reason.UNKNOWN_SUBJECT);
        assertThat(index.decide(-1, "marketing", MARKETING, Channel.SMS, T0).reason())
                .isEqualTo(Reason.UNKNOWN_SUBJECT);
    }

    @Test
    @DisplayName("PIPL-16 a contract purpose stays NOT_REQUIRED for a subject who refused and withdrew optional purposes")
    void a_contract_purpose_stays_allowed_after_refusals() {
        int alice = active(7);
        apply(alice, "marketing", "sms", Action.DENY, T0);
        apply(alice, "personalization", "", Action.WITHDRAW, T0);

        assertThat(index.decide(alice, "order_fulfilment", ORDER_FULFILMENT, null, T0))
                .isEqualTo(new Decision(true, Reason.NOT_REQUIRED, 0));
    }

    @Test
    @DisplayName("an erased subject is never processed, even with a grant in memory")
    void an_erased_subject_is_never_processed() {
        int alice = active(7);
        apply(alice, "marketing", "sms", Action.GRANT, T0);
        directory.put(alice, SubjectDirectory.ERASED, SubjectDirectory.NO_MINOR);

        assertThat(index.decide(alice, "marketing", MARKETING, Channel.SMS, T0).reason())
                .isEqualTo(Reason.SUBJECT_ERASED);
        assertThat(index.decide(alice, "order_fulfilment", ORDER_FULFILMENT, null, T0).reason())
                .isEqualTo(Reason.SUBJECT_ERASED);
    }

    @Test
    @DisplayName("clearing a subject forgets every key it had")
    void clearing_a_subject_forgets_its_keys() {
        int alice = active(7);
        int bob = active(8);
        apply(alice, "marketing", "sms", Action.GRANT, T0);
        apply(alice, "personalization", "", Action.GRANT, T0);
        apply(bob, "marketing", "sms", Action.GRANT, T0);

        index.clear(alice);

        assertThat(index.decide(alice, "marketing", MARKETING, Channel.SMS, T0).reason()).isEqualTo(Reason.NO_CONSENT);
        assertThat(index.decide(alice, "personalization", PERSONALIZATION, null, T0).reason())
                .isEqualTo(Reason.NO_CONSENT);
        assertThat(index.decide(bob, "marketing", MARKETING, Channel.SMS, T0).reason()).isEqualTo(Reason.GRANTED);
    }

    @Test
    @DisplayName("PIPL-31a in the index a minor's own grant needs a guardian; a guardian's grant allows")
    void a_minors_grant_needs_a_guardian_in_the_index() {
        int adultFrom = (int) LocalDate.of(2030, 6, 1).toEpochDay();
        directory.put(7, SubjectDirectory.ACTIVE, adultFrom);
        directory.put(8, SubjectDirectory.ACTIVE, adultFrom);
        apply(7, "personalization", "", Action.GRANT, T0, false, 1);
        apply(8, "personalization", "", Action.GRANT, T0, true, 1);

        assertThat(index.decide(7, "personalization", PERSONALIZATION, null, T0).reason())
                .isEqualTo(Reason.MINOR_NEEDS_GUARDIAN);
        assertThat(index.decide(8, "personalization", PERSONALIZATION, null, T0).reason()).isEqualTo(Reason.GRANTED);
        long birthday = LocalDate.of(2030, 6, 1).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
        assertThat(index.decide(7, "personalization", PERSONALIZATION, null, birthday).reason())
                .isEqualTo(Reason.GRANTED);
    }

    @Test
    @DisplayName("a grant in the index expires exactly after the purpose's validity period")
    void a_grant_in_the_index_expires_after_its_validity() {
        PurposeTerms thirtyDays = new PurposeTerms("marketing", true, 30 * DAY, new long[0], new long[0]);
        int alice = active(7);
        apply(alice, "marketing", "sms", Action.GRANT, T0);

        assertThat(index.decide(alice, "marketing", thirtyDays, Channel.SMS, T0 + 30 * DAY - 1).reason())
                .isEqualTo(Reason.GRANTED);
        assertThat(index.decide(alice, "marketing", thirtyDays, Channel.SMS, T0 + 30 * DAY).reason())
                .isEqualTo(Reason.EXPIRED);
    }

    @Test
    @DisplayName("PIPL-14b a grant in the index is outdated once a later material notice takes effect")
    void a_grant_in_the_index_is_outdated_by_a_material_notice() {
        PurposeTerms reworded = new PurposeTerms("marketing", true, 0, new long[] {2}, new long[] {T0 + DAY});
        int alice = active(7);
        int bob = active(8);
        apply(alice, "marketing", "sms", Action.GRANT, T0, false, 1);
        apply(bob, "marketing", "sms", Action.GRANT, T0 + 2 * DAY, false, 2);

        assertThat(index.decide(alice, "marketing", reworded, Channel.SMS, T0 + DAY - 1).reason())
                .isEqualTo(Reason.GRANTED);
        assertThat(index.decide(alice, "marketing", reworded, Channel.SMS, T0 + DAY).reason())
                .isEqualTo(Reason.NOTICE_OUTDATED);
        assertThat(index.decide(bob, "marketing", reworded, Channel.SMS, T0 + 3 * DAY).reason())
                .isEqualTo(Reason.GRANTED);
    }

    @Test
    @DisplayName("the index reports the memory its key columns hold")
    void the_index_reports_its_memory() {
        assertThat(index.bytesUsed()).isZero();
        apply(active(7), "marketing", "sms", Action.GRANT, T0);

        assertThat(index.bytesUsed()).isPositive();
    }

    @Test
    @DisplayName("values the compact layout cannot hold are kept whole: old and far captures, large notices and event ids")
    void values_beyond_the_compact_layout_are_kept_whole() {
        PurposeTerms renoticed = new PurposeTerms("marketing", true, 30 * DAY, new long[] {4_096, 1L << 40},
                new long[] {T0, T0 + DAY});
        long y1900 = Instant.parse("1900-01-01T00:00:00.999Z").toEpochMilli();
        long y2100 = Instant.parse("2100-01-01T00:00:00Z").toEpochMilli();
        int[] s = {active(1), active(2), active(3), active(4), active(5), active(6)};
        index.apply(s[0], new ConsentChanged("sub_1", "marketing", "sms", Action.GRANT, y2100, 1L << 40, false, 7));
        index.apply(s[1], new ConsentChanged("sub_2", "marketing", "sms", Action.GRANT, T0, 4_095, true, 1L << 48));
        index.apply(s[2], new ConsentChanged("sub_3", "marketing", "sms", Action.GRANT, T0, 4_096, false,
                (1L << 48) - 1));
        index.apply(s[3], new ConsentChanged("sub_4", "marketing", "sms", Action.WITHDRAW, y1900, 0, false,
                Long.MAX_VALUE));
        index.apply(s[4], new ConsentChanged("sub_5", "marketing", "sms", Action.GRANT, y1900, 5, false, 9));
        index.apply(s[5], new ConsentChanged("sub_6", "marketing", "sms", Action.GRANT, T0, 1L << 40, false, 11));

        assertThat(index.decide(s[0], "marketing", renoticed, Channel.SMS, T0 + DAY))
                .isEqualTo(new Decision(true, Reason.GRANTED, 7));
        assertThat(index.decide(s[1], "marketing", renoticed, Channel.SMS, T0))
                .isEqualTo(new Decision(false, Reason.NOTICE_OUTDATED, 1L << 48));
        assertThat(index.decide(s[2], "marketing", renoticed, Channel.SMS, T0))
                .isEqualTo(new Decision(true, Reason.GRANTED, (1L << 48) - 1));
        assertThat(index.decide(s[2], "marketing", renoticed, Channel.SMS, T0 + DAY))
                .isEqualTo(new Decision(false, Reason.NOTICE_OUTDATED, (1L << 48) - 1));
        assertThat(index.decide(s[3], "marketing", renoticed, Channel.SMS, T0))
                .isEqualTo(new Decision(false, Reason.WITHDRAWN, Long.MAX_VALUE));
        long secondOf1900 = y1900 - 999;
        assertThat(index.decide(s[4], "marketing", renoticed, Channel.SMS, secondOf1900 + 30 * DAY - 1))
                .isEqualTo(new Decision(true, Reason.GRANTED, 9));
        assertThat(index.decide(s[4], "marketing", renoticed, Channel.SMS, secondOf1900 + 30 * DAY))
                .as("validity runs from the start of the captured second").extracting(Decision::reason)
                .isEqualTo(Reason.EXPIRED);
        assertThat(index.decide(s[5], "marketing", renoticed, Channel.SMS, T0 + DAY))
                .isEqualTo(new Decision(true, Reason.GRANTED, 11));

        // back into the compact layout, and cleared from the kept-whole one
        index.apply(s[0], new ConsentChanged("sub_1", "marketing", "sms", Action.DENY, T0, 1, false, 12));
        index.clear(s[1]);
        assertThat(index.decide(s[0], "marketing", renoticed, Channel.SMS, T0))
                .isEqualTo(new Decision(false, Reason.DENIED, 12));
        assertThat(index.decide(s[1], "marketing", renoticed, Channel.SMS, T0).reason()).isEqualTo(Reason.NO_CONSENT);
    }

    @Test
    @DisplayName("200 000 random queries over 100 000 subjects answer exactly as DecisionRule on the facts applied")
    void random_queries_answer_as_the_rule_on_the_facts_applied() {
        SplittableRandom r = new SplittableRandom(20_260_601L);
        String[] purposes = {"marketing", "marketing", "marketing", "personalization", "ads.tencent", "share.jd"};
        Channel[] channels = {Channel.SMS, Channel.EMAIL, Channel.WECHAT, null, null, null};
        PurposeTerms marketing = new PurposeTerms("marketing", true, 730 * DAY, new long[] {3, 5_000},
                new long[] {T0 - 200 * DAY, T0 + 40 * DAY});
        PurposeTerms[] terms = {marketing, marketing, marketing,
                new PurposeTerms("personalization", true, 0, new long[] {4}, new long[] {T0}),
                new PurposeTerms("ads.tencent", true, 365 * DAY, new long[0], new long[0]),
                new PurposeTerms("share.jd", false, 0, new long[0], new long[0])};
        long[] moments = {T0 - 400 * DAY, T0, T0 + 40 * DAY - 1, T0 + 40 * DAY, T0 + 900 * DAY};
        int subjects = 100_000;
        int today = (int) Math.floorDiv(T0, DAY);
        for (int s = 0; s < subjects; s++) {
            double d = r.nextDouble();
            byte status = d < 0.02 ? SubjectDirectory.UNKNOWN : d < 0.04 ? SubjectDirectory.ERASED
                    : d < 0.05 ? SubjectDirectory.MERGED : SubjectDirectory.ACTIVE;
            int adultFrom = r.nextDouble() < 0.1 ? today - 500 + r.nextInt(1_000) : SubjectDirectory.NO_MINOR;
            if (status != SubjectDirectory.UNKNOWN) {
                directory.put(s, status, adultFrom);
            }
        }
        ConsentChanged[][] facts = new ConsentChanged[subjects][purposes.length];
        Action[] actions = {Action.GRANT, Action.GRANT, Action.WITHDRAW, Action.DENY, Action.EXPIRE};
        for (int i = 0; i < 300_000; i++) {
            int s = r.nextInt(subjects);
            if (r.nextInt(1_000) == 0) {
                index.clear(s);
                facts[s] = new ConsentChanged[purposes.length];
                continue;
            }
            int k = r.nextInt(purposes.length);
            ConsentChanged c = new ConsentChanged("sub_" + s, purposes[k],
                    channels[k] == null ? "" : channels[k].code(), actions[r.nextInt(actions.length)],
                    odd(r) ? oneOf(r, EPOCH_2020 + Integer.MAX_VALUE * 1000L, EPOCH_2020 + Integer.MAX_VALUE * 1000L
                            + 1000, EPOCH_2020 + Integer.MIN_VALUE * 1000L, EPOCH_2020 + Integer.MIN_VALUE * 1000L - 1,
                            r.nextLong() / 1_000) : T0 - r.nextLong(1_000 * DAY) + r.nextLong(60 * DAY),
                    odd(r) ? oneOf(r, 4_095, 4_096, 4_999, 5_000, 5_001, r.nextLong(1L << 41)) : r.nextInt(8),
                    r.nextBoolean(),
                    odd(r) ? oneOf(r, (1L << 48) - 1, 1L << 48, -1, r.nextLong(), (1L << 32) + r.nextInt(1 << 30))
                            : r.nextLong(1L << 40));
            index.apply(s, c);
            facts[s][k] = c;
        }

        int checked = 0;
        for (int i = 0; i < 200_000; i++) {
            int s = r.nextInt(subjects + 1_000) - 500;
            int k = r.nextInt(purposes.length);
            long at = moments[r.nextInt(moments.length)];
            ConsentChanged f = s < 0 || s >= subjects ? null : facts[s][k];
            Decision expected = f == null
                    ? DecisionRule.decide(terms[k], directory.status(s), directory.adultFromDay(s), null, false, 0, 0,
                    0, at)
                    : DecisionRule.decide(terms[k], directory.status(s), directory.adultFromDay(s), f.action(),
                    f.guardian(), f.capturedAt(), f.noticeSequence(), f.eventId(), at);
            Decision actual = index.decide(s, purposes[k], terms[k], channels[k], at);
            if (!expected.equals(actual)) {
                throw new AssertionError("query " + i + " subject " + s + " key " + k + " at " + at + ": " + f
                        + " should decide " + expected + " but decided " + actual);
            }
            checked++;
        }
        assertThat(checked).isEqualTo(200_000);

        for (int k = 0; k < purposes.length; k++) {
            if (!terms[k].consentGated()) {
                continue;
            }
            RoaringBitmap expected = new RoaringBitmap();
            for (int s = 0; s < subjects; s++) {
                if (index.decide(s, purposes[k], terms[k], channels[k], T0).allowed()) {
                    expected.add(s);
                }
            }
            assertThat(index.allowed(purposes[k], terms[k], channels[k], T0)).as("key %d", k).isEqualTo(expected);
        }
    }

    /** One value in 50 is drawn from the edges of what the compact layout holds, or beyond. */
    private static boolean odd(SplittableRandom r) {
        return r.nextInt(50) == 0;
    }

    private static long oneOf(SplittableRandom r, long... values) {
        return values[r.nextInt(values.length)];
    }
}
