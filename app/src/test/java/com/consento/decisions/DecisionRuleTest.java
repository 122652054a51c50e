package com.consento.decisions;

import static com.consento.identity.SubjectDirectory.ACTIVE;
import static com.consento.identity.SubjectDirectory.ERASED;
import static com.consento.identity.SubjectDirectory.NO_MINOR;
import static com.consento.identity.SubjectDirectory.UNKNOWN;
import static org.assertj.core.api.Assertions.assertThat;

import com.consento.catalog.PurposeTerms;
import com.consento.ledger.Action;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** One test per {@link Reason} of the contract, then the orderings between them that the law fixes. */
class DecisionRuleTest {
    private static final long DAY = 86_400_000L;
    private static final long T0 = Instant.parse("2026-03-01T02:00:00Z").toEpochMilli();
    private static final long EVENT = 4711;
    /** consent-based, no expiry, no material notice after version 1 */
    private static final PurposeTerms MARKETING = new PurposeTerms("marketing", true, 0, new long[0], new long[0]);
    /** consent-based, valid 365 days */
    private static final PurposeTerms YEARLY = new PurposeTerms("loyalty", true, 365 * DAY, new long[0], new long[0]);
    /** consent-based; notice sequence 3 is material and takes effect at T0 + 10 days */
    private static final PurposeTerms REWORDED =
            new PurposeTerms("personalization", true, 0, new long[] {3}, new long[] {T0 + 10 * DAY});
    /** contract: not consent-gated (PIPL-13a) */
    private static final PurposeTerms ORDER_FULFILMENT =
            new PurposeTerms("order_fulfilment", false, 0, new long[0], new long[0]);

    private static Decision decide(PurposeTerms terms, byte status, int adultFromDay, Action action, boolean guardian,
                                   long capturedAt, long noticeSequence, long at) {
        return DecisionRule.decide(terms, status, adultFromDay, action, guardian, capturedAt, noticeSequence,
                action == null ? 0 : EVENT, at);
    }

    private static Decision adult(PurposeTerms terms, Action action, long capturedAt, long at) {
        return decide(terms, ACTIVE, NO_MINOR, action, false, capturedAt, 1, at);
    }

    @Test
    @DisplayName("the contract has exactly eleven reasons, each tested below (a new reason needs a test here)")
    void the_contract_has_exactly_these_reasons() {
        assertThat(Reason.values()).containsExactlyInAnyOrder(Reason.GRANTED, Reason.NOT_REQUIRED, Reason.NO_CONSENT,
                Reason.DENIED, Reason.WITHDRAWN, Reason.EXPIRED, Reason.NOTICE_OUTDATED, Reason.MINOR_NEEDS_GUARDIAN,
                Reason.SUBJECT_ERASED, Reason.UNKNOWN_PURPOSE, Reason.UNKNOWN_SUBJECT);
    }

    @Test
    @DisplayName("GRANTED: an adult's grant allows and cites its event")
    void granted() {
        assertThat(adult(MARKETING, Action.GRANT, T0, T0 + DAY)).isEqualTo(new Decision(true, Reason.GRANTED, EVENT));
    }

    @Test
    @DisplayName("PIPL-13a NOT_REQUIRED: a contract purpose is allowed without consent")
    void not_required() {
        assertThat(adult(ORDER_FULFILMENT, null, 0, T0)).isEqualTo(new Decision(true, Reason.NOT_REQUIRED, 0));
    }

    @Test
    @DisplayName("NO_CONSENT: a consent purpose never asked denies")
    void no_consent() {
        assertThat(adult(MARKETING, null, 0, T0)).isEqualTo(new Decision(false, Reason.NO_CONSENT, 0));
    }

    @Test
    @DisplayName("DENIED: a refusal denies and cites its event")
    void denied() {
        assertThat(adult(MARKETING, Action.DENY, T0, T0)).isEqualTo(new Decision(false, Reason.DENIED, EVENT));
    }

    @Test
    @DisplayName("PIPL-15b WITHDRAWN: a withdrawal denies from that moment")
    void withdrawn() {
        assertThat(adult(MARKETING, Action.WITHDRAW, T0, T0)).isEqualTo(new Decision(false, Reason.WITHDRAWN, EVENT));
    }

    @Test
    @DisplayName("EXPIRED: a grant past its validity period denies")
    void expired() {
        assertThat(adult(YEARLY, Action.GRANT, T0, T0 + 365 * DAY))
                .isEqualTo(new Decision(false, Reason.EXPIRED, EVENT));
    }

    @Test
    @DisplayName("EXPIRED: a system EXPIRE event denies as expired")
    void expired_by_an_expire_event() {
        assertThat(adult(MARKETING, Action.EXPIRE, T0, T0).reason()).isEqualTo(Reason.EXPIRED);
    }

    @Test
    @DisplayName("PIPL-14b NOTICE_OUTDATED: a grant under an earlier version denies once a material notice takes effect")
    void notice_outdated() {
        assertThat(decide(REWORDED, ACTIVE, NO_MINOR, Action.GRANT, false, T0, 1, T0 + 10 * DAY))
                .isEqualTo(new Decision(false, Reason.NOTICE_OUTDATED, EVENT));
    }

    @Test
    @DisplayName("PIPL-31a MINOR_NEEDS_GUARDIAN: an under-14 never asked needs a guardian")
    void minor_needs_guardian() {
        int adultFrom = (int) LocalDate.of(2030, 1, 1).toEpochDay();

        assertThat(decide(MARKETING, ACTIVE, adultFrom, null, false, 0, 0, T0))
                .isEqualTo(new Decision(false, Reason.MINOR_NEEDS_GUARDIAN, 0));
    }

    @Test
    @DisplayName("SUBJECT_ERASED: an erased subject is never processed, not even for a contract purpose")
    void subject_erased() {
        assertThat(decide(MARKETING, ERASED, NO_MINOR, Action.GRANT, false, T0, 1, T0))
                .isEqualTo(new Decision(false, Reason.SUBJECT_ERASED, 0));
        assertThat(decide(ORDER_FULFILMENT, ERASED, NO_MINOR, null, false, 0, 0, T0).reason())
                .isEqualTo(Reason.SUBJECT_ERASED);
    }

    @Test
    @DisplayName("NDSR-22d UNKNOWN_PURPOSE: a purpose not in the catalog denies")
    void unknown_purpose() {
        assertThat(decide(null, ACTIVE, NO_MINOR, Action.GRANT, false, T0, 1, T0))
                .isEqualTo(new Decision(false, Reason.UNKNOWN_PURPOSE, 0));
    }

    @Test
    @DisplayName("UNKNOWN_SUBJECT: a subject Consento does not know denies a consent purpose")
    void unknown_subject() {
        assertThat(decide(MARKETING, UNKNOWN, NO_MINOR, null, false, 0, 0, T0))
                .isEqualTo(new Decision(false, Reason.UNKNOWN_SUBJECT, 0));
    }

    @Test
    @DisplayName("PIPL-16 PIPL-13a a contract purpose is NOT_REQUIRED even for a subject who refused it or optional purposes")
    void a_contract_purpose_is_not_required_even_after_refusals() {
        // Whatever the subject did on consent keys, contract processing does not depend on it.
        for (Action action : new Action[] {null, Action.DENY, Action.WITHDRAW, Action.EXPIRE}) {
            assertThat(adult(ORDER_FULFILMENT, action, T0, T0 + DAY))
                    .as("after %s", action).isEqualTo(new Decision(true, Reason.NOT_REQUIRED, 0));
        }
        int minor = (int) LocalDate.of(2030, 1, 1).toEpochDay();
        assertThat(decide(ORDER_FULFILMENT, ACTIVE, minor, null, false, 0, 0, T0).reason())
                .as("a minor's contract purpose").isEqualTo(Reason.NOT_REQUIRED);
    }

    @Test
    @DisplayName("PIPL-31a a minor's own grant is MINOR_NEEDS_GUARDIAN; a guardian's grant is GRANTED")
    void a_minors_own_grant_needs_a_guardian_but_a_guardians_grant_counts() {
        int adultFrom = (int) LocalDate.of(2030, 1, 1).toEpochDay();

        assertThat(decide(MARKETING, ACTIVE, adultFrom, Action.GRANT, false, T0, 1, T0 + DAY))
                .isEqualTo(new Decision(false, Reason.MINOR_NEEDS_GUARDIAN, EVENT));
        assertThat(decide(MARKETING, ACTIVE, adultFrom, Action.GRANT, true, T0, 1, T0 + DAY))
                .isEqualTo(new Decision(true, Reason.GRANTED, EVENT));
    }

    @Test
    @DisplayName("PIPL-31a on the 14th birthday the person's own grant counts; the day before it does not")
    void on_the_fourteenth_birthday_the_own_grant_counts() {
        LocalDate birthday = LocalDate.of(2026, 5, 31);
        int adultFrom = (int) birthday.toEpochDay();
        long capturedAsMinor = Instant.parse("2026-01-10T08:00:00Z").toEpochMilli();
        long birthdayStart = birthday.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();

        assertThat(decide(MARKETING, ACTIVE, adultFrom, Action.GRANT, false, capturedAsMinor, 1, birthdayStart - 1)
                .reason()).isEqualTo(Reason.MINOR_NEEDS_GUARDIAN);
        assertThat(decide(MARKETING, ACTIVE, adultFrom, Action.GRANT, false, capturedAsMinor, 1, birthdayStart))
                .isEqualTo(new Decision(true, Reason.GRANTED, EVENT));
        assertThat(decide(MARKETING, ACTIVE, adultFrom, null, false, 0, 0, birthdayStart).reason())
                .as("never asked, now 14").isEqualTo(Reason.NO_CONSENT);
    }

    @Test
    @DisplayName("PIPL-31a a minor's withdrawal or refusal is honoured as such, not hidden behind the guardian rule")
    void a_minors_refusal_is_honoured_as_such() {
        int adultFrom = (int) LocalDate.of(2030, 1, 1).toEpochDay();

        assertThat(decide(MARKETING, ACTIVE, adultFrom, Action.WITHDRAW, false, T0, 1, T0).reason())
                .isEqualTo(Reason.WITHDRAWN);
        assertThat(decide(MARKETING, ACTIVE, adultFrom, Action.DENY, true, T0, 1, T0).reason())
                .isEqualTo(Reason.DENIED);
    }

    @Test
    @DisplayName("an erased subject outranks every other reason; an unknown purpose outranks erasure")
    void precedence_of_unknown_purpose_and_erasure() {
        assertThat(decide(null, ERASED, NO_MINOR, null, false, 0, 0, T0).reason()).isEqualTo(Reason.UNKNOWN_PURPOSE);
        assertThat(decide(YEARLY, ERASED, NO_MINOR, Action.GRANT, false, T0, 1, T0 + 400 * DAY).reason())
                .isEqualTo(Reason.SUBJECT_ERASED);
    }

    @Test
    @DisplayName("a grant under the material version itself is GRANTED after it takes effect")
    void a_grant_under_the_material_version_is_granted() {
        assertThat(decide(REWORDED, ACTIVE, NO_MINOR, Action.GRANT, false, T0 + 11 * DAY, 3, T0 + 12 * DAY).reason())
                .isEqualTo(Reason.GRANTED);
    }
}
