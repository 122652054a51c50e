package com.consento.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import com.consento.catalog.Catalog;
import com.consento.catalog.LegalBasis;
import com.consento.catalog.Notice;
import com.consento.catalog.Purpose;
import com.consento.catalog.PurposeTerms;
import com.consento.shared.Channel;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The status of a key from its winner (validity, PIPL-14b material notices), with terms built by the Catalog. */
class StatusRuleTest {
    private static final long DAY = 86_400_000L;
    private static final Instant T0 = Instant.parse("2026-03-01T00:00:00Z");
    private static final long t0 = T0.toEpochMilli();

    private static Purpose purpose(String code, int validityDays, Set<Channel> channels) {
        return new Purpose(code, Map.of("zh-CN", code, "en", code), Map.of(), LegalBasis.CONSENT, channels, false,
                false, false, false, validityDays, 365, List.of("phone"), List.of(), null, null);
    }

    private static Notice notice(String version, long sequence, boolean material, Instant effectiveAt,
                                 Instant publishedAt, String... purposes) {
        return new Notice(version, sequence, "zh-CN", "隐私政策", "正文", null,
                new Notice.Handler("示例零售有限公司", "privacy@example.cn"), "dpo@example.cn", List.of(purposes),
                "收集、存储、使用", List.of("phone"), "3 years", "preference centre", material, effectiveAt,
                publishedAt, "sha");
    }

    private static final Map<String, Purpose> PURPOSES = Map.of(
            "marketing", purpose("marketing", 0, Set.of(Channel.SMS, Channel.EMAIL)),
            "personalization", purpose("personalization", 0, Set.of()),
            "loyalty", purpose("loyalty", 30, Set.of()));

    private static ConsentStatus grantStatus(PurposeTerms terms, long capturedAt, long noticeSequence, long at) {
        return StatusRule.status(Action.GRANT, capturedAt, noticeSequence, terms, at);
    }

    @Test
    @DisplayName("a grant is EXPIRED exactly at the validity after the second it was captured, not a millisecond before")
    void a_grant_expires_exactly_after_its_validity() {
        PurposeTerms loyalty = new Catalog(PURPOSES, List.of(notice("v1", 1, false, T0, T0, "loyalty")))
                .terms("loyalty");
        long captured = t0 + 1234;
        long second = Math.floorDiv(captured, 1000L) * 1000L;

        assertThat(grantStatus(loyalty, captured, 1, second + 30 * DAY - 1)).isEqualTo(ConsentStatus.GRANTED);
        assertThat(grantStatus(loyalty, captured, 1, second + 30 * DAY)).isEqualTo(ConsentStatus.EXPIRED);
        assertThat(loyalty.expiresAt(captured)).isEqualTo(second + 30 * DAY);
    }

    @Test
    @DisplayName("validityDays 0 never expires")
    void validity_zero_never_expires() {
        PurposeTerms marketing = new Catalog(PURPOSES, List.of()).terms("marketing");

        assertThat(marketing.validityMillis()).isZero();
        assertThat(grantStatus(marketing, t0, 1, t0 + 100L * 365 * DAY)).isEqualTo(ConsentStatus.GRANTED);
        assertThat(marketing.expiresAt(t0)).isZero();
    }

    @Test
    @DisplayName("PIPL-14b a material notice outdates earlier grants only for the purposes it covers")
    void a_material_notice_outdates_only_the_purposes_it_covers() {
        Catalog catalog = new Catalog(PURPOSES, List.of(
                notice("v1", 1, false, T0, T0, "marketing", "personalization"),
                notice("v2", 2, true, T0.plusSeconds(86_400), T0.plusSeconds(86_400), "marketing")));
        long at = t0 + 2 * DAY;

        assertThat(grantStatus(catalog.terms("marketing"), t0, 1, at)).isEqualTo(ConsentStatus.NOTICE_OUTDATED);
        assertThat(grantStatus(catalog.terms("personalization"), t0, 1, at)).isEqualTo(ConsentStatus.GRANTED);
    }

    @Test
    @DisplayName("PIPL-14b a material notice outdates from its effectiveAt, not before")
    void a_material_notice_outdates_from_its_effective_time() {
        Instant published = T0.plusSeconds(86_400);
        Instant effective = T0.plusSeconds(10 * 86_400);
        PurposeTerms marketing = new Catalog(PURPOSES, List.of(
                notice("v1", 1, false, T0, T0, "marketing"),
                notice("v2", 2, true, effective, published, "marketing"))).terms("marketing");

        assertThat(grantStatus(marketing, t0, 1, published.toEpochMilli() + DAY)).isEqualTo(ConsentStatus.GRANTED);
        assertThat(grantStatus(marketing, t0, 1, effective.toEpochMilli() - 1)).isEqualTo(ConsentStatus.GRANTED);
        assertThat(grantStatus(marketing, t0, 1, effective.toEpochMilli())).isEqualTo(ConsentStatus.NOTICE_OUTDATED);
    }

    @Test
    @DisplayName("PIPL-14b a back-dated material notice outdates from its publication, not from its effectiveAt")
    void a_back_dated_material_notice_outdates_from_its_publication() {
        Instant published = T0.plusSeconds(10 * 86_400);
        Instant backDated = T0.plusSeconds(86_400);
        Notice v2 = notice("v2", 2, true, backDated, published, "marketing");
        PurposeTerms marketing = new Catalog(PURPOSES, List.of(notice("v1", 1, false, T0, T0, "marketing"), v2))
                .terms("marketing");

        assertThat(v2.takesEffectAt()).isEqualTo(published);
        assertThat(grantStatus(marketing, t0, 1, backDated.toEpochMilli() + DAY)).isEqualTo(ConsentStatus.GRANTED);
        assertThat(grantStatus(marketing, t0, 1, published.toEpochMilli() - 1)).isEqualTo(ConsentStatus.GRANTED);
        assertThat(grantStatus(marketing, t0, 1, published.toEpochMilli())).isEqualTo(ConsentStatus.NOTICE_OUTDATED);
    }

    @Test
    @DisplayName("PIPL-14b a non-material notice outdates nothing")
    void a_non_material_notice_outdates_nothing() {
        PurposeTerms marketing = new Catalog(PURPOSES, List.of(
                notice("v1", 1, false, T0, T0, "marketing"),
                notice("v2", 2, false, T0.plusSeconds(60), T0.plusSeconds(60), "marketing"))).terms("marketing");

        assertThat(marketing.materialSequences()).isEmpty();
        assertThat(grantStatus(marketing, t0, 1, t0 + 365 * DAY)).isEqualTo(ConsentStatus.GRANTED);
    }

    @Test
    @DisplayName("PIPL-14b a grant under the new material version is GRANTED")
    void a_grant_under_the_new_version_is_granted() {
        PurposeTerms marketing = new Catalog(PURPOSES, List.of(
                notice("v1", 1, false, T0, T0, "marketing"),
                notice("v2", 2, true, T0.plusSeconds(86_400), T0.plusSeconds(86_400), "marketing"))).terms("marketing");
        long reConsent = t0 + 3 * DAY;

        assertThat(grantStatus(marketing, reConsent, 2, reConsent + DAY)).isEqualTo(ConsentStatus.GRANTED);
    }

    @Test
    @DisplayName("PIPL-14b a grant is outdated by the latest of several material notices, and fresh under it")
    void several_material_notices() {
        PurposeTerms marketing = new Catalog(PURPOSES, List.of(
                notice("v1", 1, true, T0, T0, "marketing"),
                notice("v2", 2, true, T0.plusSeconds(86_400), T0.plusSeconds(86_400), "marketing"),
                notice("v3", 3, false, T0.plusSeconds(2 * 86_400), T0.plusSeconds(2 * 86_400), "marketing"),
                notice("v4", 4, true, T0.plusSeconds(5 * 86_400), T0.plusSeconds(5 * 86_400), "marketing")))
                .terms("marketing");

        assertThat(grantStatus(marketing, t0, 1, t0 + DAY)).isEqualTo(ConsentStatus.NOTICE_OUTDATED);
        assertThat(grantStatus(marketing, t0 + DAY, 2, t0 + 4 * DAY)).isEqualTo(ConsentStatus.GRANTED);
        assertThat(grantStatus(marketing, t0 + 3 * DAY, 3, t0 + 4 * DAY)).as("v3 is not material")
                .isEqualTo(ConsentStatus.GRANTED);
        assertThat(grantStatus(marketing, t0 + 3 * DAY, 3, t0 + 5 * DAY)).isEqualTo(ConsentStatus.NOTICE_OUTDATED);
        assertThat(grantStatus(marketing, t0 + 6 * DAY, 4, t0 + 9 * DAY)).isEqualTo(ConsentStatus.GRANTED);
    }

    @Test
    @DisplayName("withdrawals, refusals and expiries keep their status whatever the notices and validity")
    void negative_actions_keep_their_status() {
        PurposeTerms loyalty = new Catalog(PURPOSES, List.of(
                notice("v1", 1, true, T0, T0, "loyalty"),
                notice("v2", 2, true, T0.plusSeconds(60), T0.plusSeconds(60), "loyalty"))).terms("loyalty");
        long later = t0 + 400 * DAY;

        assertThat(StatusRule.status(Action.WITHDRAW, t0, 1, loyalty, later)).isEqualTo(ConsentStatus.WITHDRAWN);
        assertThat(StatusRule.status(Action.DENY, t0, 1, loyalty, later)).isEqualTo(ConsentStatus.DENIED);
        assertThat(StatusRule.status(Action.EXPIRE, t0, 1, loyalty, later)).isEqualTo(ConsentStatus.EXPIRED);
    }

    @Test
    @DisplayName("a grant both past its validity and under an outdated notice reads EXPIRED")
    void expiry_is_reported_before_outdating() {
        PurposeTerms loyalty = new Catalog(PURPOSES, List.of(
                notice("v1", 1, false, T0, T0, "loyalty"),
                notice("v2", 2, true, T0.plusSeconds(86_400), T0.plusSeconds(86_400), "loyalty"))).terms("loyalty");

        assertThat(grantStatus(loyalty, t0, 1, t0 + 31 * DAY)).isEqualTo(ConsentStatus.EXPIRED);
        assertThat(grantStatus(loyalty, t0, 1, t0 + 2 * DAY)).isEqualTo(ConsentStatus.NOTICE_OUTDATED);
    }

    @Test
    @DisplayName("without terms (an unknown purpose) a grant reads GRANTED; the decision rule denies it separately")
    void without_terms_a_grant_reads_granted() {
        assertThat(grantStatus(null, t0, 1, t0 + 1000 * DAY)).isEqualTo(ConsentStatus.GRANTED);
    }
}
