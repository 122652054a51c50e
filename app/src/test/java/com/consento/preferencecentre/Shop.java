package com.consento.preferencecentre;

import static org.assertj.core.api.Assertions.assertThat;

import com.consento.testing.Api;
import com.consento.testing.Fixtures;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A small retailer's catalog with unique codes, so that tests sharing one database find their own controls by
 * {@code data-purpose}: marketing per channel, a use without channel, two separate-consent purposes (a named
 * recipient and sensitive data), a contract purpose, one purpose no notice lists, and the notice.
 */
final class Shop {
    final Api api;
    final String marketing;
    final String personal;
    final String share;
    final String location;
    final String orders;
    final String unnoticed;
    final String notice;
    static final String PARTNER = "花颜美妆（上海）有限公司";

    Shop(Api api) {
        this.api = api;
        marketing = purpose(Fixtures.unique("mkt"), """
                {"name": {"zh-CN": "营销信息", "en": "Marketing messages"},
                 "description": {"zh-CN": "优惠、新品和会员活动信息。", "en": "Offers, new arrivals and member events."},
                 "legalBasis": "CONSENT", "channels": ["sms", "email", "push", "wechat"], "validityDays": 730,
                 "retentionDays": 1095, "dataCategories": ["phone", "email"]}""");
        personal = purpose(Fixtures.unique("reco"), """
                {"name": {"zh-CN": "个性化推荐", "en": "Personalised recommendations"},
                 "description": {"zh-CN": "根据购买记录推荐商品。", "en": "Suggestions based on what you bought."},
                 "legalBasis": "CONSENT", "validityDays": 365, "retentionDays": 730,
                 "dataCategories": ["purchase_history"]}""");
        share = purpose("share." + Fixtures.unique("partner"), """
                {"name": {"zh-CN": "与品牌合作方共享", "en": "Sharing with our brand partner"},
                 "description": {"zh-CN": "将姓名和手机号提供给合作方。", "en": "Your name and phone go to our partner."},
                 "legalBasis": "CONSENT", "separateConsent": true, "validityDays": 365, "retentionDays": 365,
                 "dataCategories": ["name", "phone"], "recipients": ["%s"], "piaId": "PIA-T-1"}""".formatted(PARTNER));
        location = purpose(Fixtures.unique("loc"), """
                {"name": {"zh-CN": "精确位置", "en": "Precise location"},
                 "description": {"zh-CN": "用于附近门店。", "en": "For stores near you."},
                 "legalBasis": "CONSENT", "separateConsent": true, "sensitive": true, "validityDays": 90,
                 "retentionDays": 30, "dataCategories": ["precise_location"], "piaId": "PIA-T-2"}""");
        orders = purpose(Fixtures.unique("orders"), """
                {"name": {"zh-CN": "订单履行", "en": "Order fulfilment"},
                 "description": {"zh-CN": "支付、配送、售后。", "en": "Payment, delivery, after-sales."},
                 "legalBasis": "CONTRACT", "validityDays": 0, "retentionDays": 1095, "dataCategories": ["address"]}""");
        unnoticed = purpose(Fixtures.unique("later"), """
                {"name": {"zh-CN": "尚未告知的用途", "en": "A use not yet in the notice"}, "legalBasis": "CONSENT",
                 "validityDays": 0, "retentionDays": 30, "dataCategories": ["phone"]}""");
        notice = new Fixtures(api).notice(true, marketing, personal, share, location, orders);
    }

    private String purpose(String code, String json) {
        Api.Response r = api.put("/api/v1/purposes/" + code, json);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return code;
    }

    /** A new subject with this phone (and birth date, if any); returns its id. */
    String subject(String phone, LocalDate birthDate) {
        Api.Response r = api.post("/api/v1/subjects", "{\"identifiers\": [{\"type\": \"phone\", \"value\": \"" + phone
                + "\"}]" + (birthDate == null ? "" : ", \"profile\": {\"birthDate\": \"" + birthDate + "\"}") + "}");
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("subjectId").asString();
    }

    void grant(String phone, String purpose, String channel) {
        Api.Response r = new Fixtures(api).event(phone, purpose, channel, "GRANT", notice, Instant.now());
        assertThat(r.status()).as(r.body()).isEqualTo(201);
    }

    /** The link the API issues for this subject. */
    String link(String subjectId, String query) {
        Api.Response r = api.get("/api/v1/subjects/" + subjectId + "/preference-link" + query);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json().get("url").asString();
    }

    String decision(String subjectId, String purpose, String channel) {
        Api.Response r = api.get("/api/v1/decisions?subject=" + subjectId + "&purpose=" + purpose
                + (channel == null ? "" : "&channel=" + channel));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json().get("reason").asString();
    }
}
