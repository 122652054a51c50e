package com.consento.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Builds catalog entries and subjects through the public API. Every purpose and phone number is unique to
 * the test that asks for it, so tests sharing one database never see each other's state.
 */
public final class Fixtures {
    private static final AtomicInteger SEQ = new AtomicInteger((int) (System.nanoTime() % 100_000));
    private final Api api;

    public Fixtures(Api api) {
        this.api = api;
    }

    public static String unique(String prefix) {
        return prefix + "_" + SEQ.incrementAndGet();
    }

    /** A unique Chinese mobile number in E.164. */
    public static String phone() {
        return "+86139" + String.format("%08d", SEQ.incrementAndGet() * 7919 % 100_000_000);
    }

    /** A consent-based purpose per channel (sms, email) with the given validity. */
    public String marketingPurpose(int validityDays) {
        String code = unique("mkt");
        Api.Response r = api.put("/api/v1/purposes/" + code, """
                {"name": {"zh-CN": "营销信息", "en": "Marketing messages"}, "legalBasis": "CONSENT",
                 "channels": ["sms", "email"], "validityDays": %d, "retentionDays": 1095,
                 "dataCategories": ["phone", "email"]}""".formatted(validityDays));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return code;
    }

    public String purposeWithoutChannel(String legalBasis) {
        String code = unique("p");
        Api.Response r = api.put("/api/v1/purposes/" + code, """
                {"name": {"zh-CN": "个性化推荐", "en": "Personalisation"}, "legalBasis": "%s",
                 "validityDays": 0, "retentionDays": 365, "dataCategories": ["purchase_history"]}"""
                .formatted(legalBasis));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return code;
    }

    /** Publishes a notice covering the purposes and returns its version. */
    public String notice(boolean material, String... purposes) {
        String version = unique("v");
        StringBuilder list = new StringBuilder();
        for (String p : purposes) {
            list.append(list.length() == 0 ? "" : ",").append('"').append(p).append('"');
        }
        Api.Response r = api.post("/api/v1/notices", """
                {"version": "%s", "locale": "zh-CN", "title": "隐私政策", "body": "我们如何处理您的个人信息……",
                 "handler": {"name": "示例零售有限公司", "contact": "privacy@example.cn"},
                 "officerContact": "dpo@example.cn", "purposes": [%s], "methods": "收集、存储、使用",
                 "dataCategories": ["phone"], "retention": "3 年", "rights": "在隐私设置中行使权利",
                 "material": %s}""".formatted(version, list, material));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return version;
    }

    /** Records one event for a phone number and returns the response. */
    public Api.Response event(String phone, String purpose, String channel, String action, String notice,
                              Instant capturedAt) {
        return api.post("/api/v1/consent-events", "{\"events\": [" + eventJson(phone, purpose, channel, action, notice,
                capturedAt) + "]}");
    }

    public static String eventJson(String phone, String purpose, String channel, String action, String notice,
                                   Instant capturedAt) {
        return """
                {"subject": {"identifiers": [{"type": "phone", "value": "%s"}]}, "purpose": "%s", %s
                 "action": "%s", %s "touchpoint": "WEB", "capturedAt": "%s",
                 "evidence": {"ip": "203.0.113.7", "userAgent": "test", "method": "checkbox"}}"""
                .formatted(phone, purpose, channel == null ? "" : "\"channel\": \"" + channel + "\",", action,
                        notice == null ? "" : "\"noticeVersion\": \"" + notice + "\",", capturedAt);
    }

    public String decision(String phone, String purpose, String channel) {
        Api.Response r = api.get("/api/v1/decisions?subject=phone:" + phone.replace("+", "%2B") + "&purpose=" + purpose
                + (channel == null ? "" : "&channel=" + channel));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json().get("reason").asString();
    }
}
