package com.consento.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import com.consento.shared.Channel;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The snapshot's flattened PurposeTerms and notice look-ups (PIPL-14b, PIPL-17b). */
class CatalogTest {
    private static final long DAY = 86_400_000L;
    private static final Instant T0 = Instant.parse("2026-03-01T00:00:00Z");

    private static Purpose purpose(String code, LegalBasis basis, int validityDays) {
        return new Purpose(code, Map.of("zh-CN", code), Map.of(), basis, Set.of(Channel.SMS), false, false, false,
                false, validityDays, 365, List.of("phone"), List.of(), null, null);
    }

    private static Notice notice(String version, long seq, boolean material, Instant effectiveAt, Instant publishedAt,
                                 String... purposes) {
        return new Notice(version, seq, "zh-CN", "隐私政策", "正文", null, new Notice.Handler("示例零售", "c@example.cn"),
                "dpo@example.cn", List.of(purposes), "收集", List.of("phone"), "3 years", "centre", material, effectiveAt,
                publishedAt, "sha-" + version);
    }

    private static final Map<String, Purpose> PURPOSES = Map.of(
            "marketing", purpose("marketing", LegalBasis.CONSENT, 30),
            "personalization", purpose("personalization", LegalBasis.CONSENT, 0),
            "order_fulfilment", purpose("order_fulfilment", LegalBasis.CONTRACT, 0));

    @Test
    @DisplayName("PIPL-13a terms carry whether a purpose is consent-gated and its validity in milliseconds")
    void terms_carry_consent_gating_and_validity() {
        Catalog catalog = new Catalog(PURPOSES, List.of());

        assertThat(catalog.terms("marketing").consentGated()).isTrue();
        assertThat(catalog.terms("marketing").validityMillis()).isEqualTo(30 * DAY);
        assertThat(catalog.terms("order_fulfilment").consentGated()).isFalse();
        assertThat(catalog.terms("nope")).isNull();
    }

    @Test
    @DisplayName("PIPL-14b terms list the material notices covering the purpose in publication order, whatever the list order")
    void terms_list_covering_material_notices_in_sequence_order() {
        Catalog catalog = new Catalog(PURPOSES, List.of(
                notice("v3", 3, true, T0.plusSeconds(300), T0.plusSeconds(300), "marketing"),
                notice("v1", 1, true, T0, T0, "marketing", "personalization"),
                notice("v2", 2, false, T0.plusSeconds(200), T0.plusSeconds(200), "marketing"),
                notice("v4", 4, true, T0.plusSeconds(400), T0.plusSeconds(100), "personalization")));

        PurposeTerms marketing = catalog.terms("marketing");
        assertThat(marketing.materialSequences()).containsExactly(1, 3);
        assertThat(marketing.materialEffectiveMillis()).containsExactly(T0.toEpochMilli(),
                T0.plusSeconds(300).toEpochMilli());
        assertThat(catalog.terms("personalization").materialSequences()).containsExactly(1, 4);
        assertThat(catalog.terms("personalization").materialEffectiveMillis()).containsExactly(T0.toEpochMilli(),
                T0.plusSeconds(400).toEpochMilli());
        assertThat(catalog.terms("order_fulfilment").materialSequences()).isEmpty();
    }

    @Test
    @DisplayName("PIPL-14b a notice takes effect at effectiveAt, or at publication if that is later")
    void a_notice_takes_effect_at_the_later_of_effective_and_published() {
        assertThat(notice("a", 1, true, T0.plusSeconds(60), T0, "marketing").takesEffectAt())
                .isEqualTo(T0.plusSeconds(60));
        assertThat(notice("b", 1, true, T0, T0.plusSeconds(60), "marketing").takesEffectAt())
                .isEqualTo(T0.plusSeconds(60));
        assertThat(notice("c", 1, true, null, T0, "marketing").takesEffectAt()).isEqualTo(T0);
    }

    @Test
    @DisplayName("PIPL-14b outdated only by a later material sequence that has taken effect")
    void outdated_only_by_a_later_material_sequence_in_effect() {
        PurposeTerms terms = new PurposeTerms("marketing", true, 0, new long[] {2, 5}, new long[] {1000, 5000});

        assertThat(terms.outdated(1, 999)).isFalse();
        assertThat(terms.outdated(1, 1000)).isTrue();
        assertThat(terms.outdated(2, 4999)).isFalse();
        assertThat(terms.outdated(2, 5000)).isTrue();
        assertThat(terms.outdated(3, 5000)).isTrue();
        assertThat(terms.outdated(5, Long.MAX_VALUE)).isFalse();
    }

    @Test
    @DisplayName("PIPL-17b notices are found by version and listed in publication order")
    void notices_are_found_by_version_and_listed_in_order() {
        Catalog catalog = new Catalog(PURPOSES, List.of(
                notice("2026-b", 2, false, T0, T0, "marketing"),
                notice("2026-a", 1, false, T0, T0, "marketing", "personalization")));

        assertThat(catalog.notice("2026-a")).map(Notice::sequence).contains(1L);
        assertThat(catalog.notice("2026-c")).isEmpty();
        assertThat(catalog.notices()).extracting(Notice::version).containsExactly("2026-a", "2026-b");
        assertThat(catalog.currentNoticeFor("marketing")).map(Notice::version).contains("2026-b");
        assertThat(catalog.currentNoticeFor("personalization")).map(Notice::version).contains("2026-a");
        assertThat(catalog.currentNoticeFor("order_fulfilment")).isEmpty();
    }

    @Test
    @DisplayName("a snapshot cannot be changed through what it returns")
    void a_snapshot_is_immutable() {
        Catalog catalog = new Catalog(PURPOSES, List.of(notice("v1", 1, false, T0, T0, "marketing")));

        assertThat(catalog.purposes()).isUnmodifiable();
        assertThat(catalog.notices()).isUnmodifiable();
        assertThat(catalog.notice("v1").orElseThrow().purposes()).isUnmodifiable();
        assertThat(Catalog.empty().purposes()).isEmpty();
    }

    @Test
    @DisplayName("PIPL-23 share.* and ads.* purposes provide data to another handler")
    void share_and_ads_purposes_provide_to_third_parties() {
        assertThat(new Purpose("share.brandx", Map.of("zh-CN", "x"), null, LegalBasis.CONSENT, Set.of(), true, false,
                false, false, 0, 1, List.of(), List.of(), "PIA", null).providesToThirdParty()).isTrue();
        assertThat(new Purpose("ads.wechat", Map.of("zh-CN", "x"), null, LegalBasis.CONSENT, Set.of(), true, false,
                false, false, 0, 1, List.of(), List.of(), "PIA", null).providesToThirdParty()).isTrue();
        assertThat(purpose("marketing", LegalBasis.CONSENT, 0).providesToThirdParty()).isFalse();
    }
}
