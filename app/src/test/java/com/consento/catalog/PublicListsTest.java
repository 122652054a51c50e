package com.consento.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import com.consento.shared.Channel;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** What the public collection and sharing lists say for a given catalog and moment (NDSR-21). */
class PublicListsTest {
    private static final Instant T0 = Instant.parse("2026-03-01T00:00:00Z");

    private static Purpose purpose(String code, Set<Channel> channels, int retentionDays, List<String> categories,
                                   List<String> recipients, boolean crossBorder) {
        boolean separate = !recipients.isEmpty() || code.startsWith("ads.") || crossBorder;
        return new Purpose(code, Map.of("zh-CN", "名称" + code, "en", "Name " + code), Map.of(), LegalBasis.CONSENT,
                channels, separate, false, crossBorder, false, 0, retentionDays, categories, recipients,
                separate ? "PIA-1" : null, crossBorder ? "STANDARD_CONTRACT" : null);
    }

    private static Notice notice(String version, long seq, Instant effectiveAt, String handler, String... purposes) {
        return new Notice(version, seq, "zh-CN", "隐私政策", "正文", null, new Notice.Handler(handler, "c@example.cn"),
                "dpo@example.cn", List.of(purposes), "收集", List.of("phone"), "3 years", "centre", true, effectiveAt,
                T0, "sha-" + version);
    }

    private static Map<String, Purpose> purposes(Purpose... ps) {
        return java.util.Arrays.stream(ps).collect(java.util.stream.Collectors.toMap(Purpose::code, p -> p));
    }

    @Test
    @DisplayName("NDSR-21 a purpose is listed under each of its data categories with the notice in effect that covers it")
    void purpose_is_listed_under_each_category_with_its_notice() {
        Catalog catalog = new Catalog(purposes(
                purpose("marketing", Set.of(Channel.SMS, Channel.EMAIL), 1095, List.of("phone", "email"), List.of(), false),
                purpose("orders", Set.of(), 365, List.of("phone"), List.of(), false)),
                List.of(notice("v1", 1, T0, "甲", "marketing", "orders"), notice("v2", 2, T0, "乙", "marketing")));

        PublicLists.Collection list = new PublicLists(catalog, T0).collection();

        assertThat(list.categories()).extracting(PublicLists.Category::code).containsExactly("email", "phone");
        PublicLists.Category phone = list.categories().get(1);
        assertThat(phone.purposes()).extracting(PublicLists.Use::code).containsExactly("marketing", "orders");
        assertThat(phone.purposes().get(0).noticeVersion()).isEqualTo("v2");
        assertThat(phone.purposes().get(0).channels()).containsExactly("email", "sms");
        assertThat(phone.purposes().get(1).noticeVersion()).isEqualTo("v1");
        assertThat(phone.retentionDays()).as("the longest retention of the purposes using it").isEqualTo(1095);
        assertThat(phone.noticeVersion()).isEqualTo("v2");
        assertThat(list.handler().name()).isEqualTo("乙");
        assertThat(list.handler().noticeVersion()).isEqualTo("v2");
    }

    @Test
    @DisplayName("NDSR-21 a purpose no notice in effect covers is not listed, nor is a notice that takes effect later")
    void only_notices_in_effect_speak() {
        Catalog catalog = new Catalog(purposes(
                purpose("marketing", Set.of(), 30, List.of("phone"), List.of(), false),
                purpose("location", Set.of(), 30, List.of("precise_location"), List.of(), false),
                purpose("draft", Set.of(), 30, List.of("email"), List.of(), false)),
                List.of(notice("v1", 1, T0, "甲", "marketing"), notice("v2", 2, T0.plusSeconds(3600), "乙", "location")));

        PublicLists.Collection now = new PublicLists(catalog, T0).collection();
        PublicLists.Collection later = new PublicLists(catalog, T0.plusSeconds(3600)).collection();

        assertThat(now.categories()).extracting(PublicLists.Category::code).containsExactly("phone");
        assertThat(now.handler().noticeVersion()).isEqualTo("v1");
        assertThat(later.categories()).extracting(PublicLists.Category::code).containsExactly("phone", "precise_location");
        assertThat(later.handler().name()).isEqualTo("乙");
        assertThat(new PublicLists(Catalog.empty(), T0).sharing().handler()).isNull();
    }

    @Test
    @DisplayName("NDSR-21 the sharing list names every recipient with its purposes, categories, cross-border transfer and kind")
    void sharing_list_groups_purposes_by_recipient() {
        Catalog catalog = new Catalog(purposes(
                purpose("marketing", Set.of(Channel.SMS), 30, List.of("phone"), List.of(), false),
                purpose("ads.douyin", Set.of(), 30, List.of("phone_hash"), List.of(), false),
                purpose("share.partner", Set.of(), 30, List.of("name", "tier"), List.of("Partner Co."), false),
                purpose("cross_border", Set.of(), 30, List.of("email"), List.of("Partner Co."), true)),
                List.of(notice("v1", 1, T0, "甲", "marketing", "ads.douyin", "share.partner", "cross_border")));

        PublicLists.Sharing list = new PublicLists(catalog, T0).sharing();

        assertThat(list.recipients()).extracting(PublicLists.Recipient::name).containsExactly("Partner Co.", "douyin");
        PublicLists.Recipient partner = list.recipients().get(0);
        assertThat(partner.kind()).isEqualTo(PublicLists.RecipientKind.PARTNER);
        assertThat(partner.crossBorder()).isTrue();
        assertThat(partner.purposes()).extracting(PublicLists.Share::code).containsExactly("cross_border", "share.partner");
        assertThat(partner.purposes().get(0).transferMechanism()).isEqualTo("STANDARD_CONTRACT");
        assertThat(partner.purposes().get(1).dataCategories()).containsExactly("name", "tier");
        assertThat(list.recipients().get(1).kind()).as("an ad purpose without a named recipient names its platform")
                .isEqualTo(PublicLists.RecipientKind.AD_PLATFORM);
    }
}
