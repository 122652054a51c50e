package com.consento.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import com.consento.testing.Api;
import com.consento.testing.Fixtures;
import com.consento.testing.IntegrationTest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The public collection and sharing lists over HTTP. Other tests add purposes and notices to the same database at
 * the same time, so every assertion looks only at the purposes, categories and recipients this test created.
 */
@IntegrationTest
class PublicListsIT {
    private static final String COLLECTION = "/public/collection-list";
    private static final String SHARING = "/public/sharing-list";
    @LocalServerPort
    int port;
    Api api;
    Api anonymous;
    Fixtures fx;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        anonymous = api.as(null);
        fx = new Fixtures(api);
    }

    @Test
    @DisplayName("NDSR-21 anyone reads both lists without an API key, as JSON with the handler and a catalog version")
    void lists_are_public_json() {
        fx.notice(false, fx.marketingPurpose(0));
        for (String path : List.of(COLLECTION, SHARING)) {
            Api.Response r = anonymous.get(path);
            assertThat(r.status()).as(path + " " + r.body()).isEqualTo(200);
            assertThat(r.contentType()).startsWith("application/json");
            JsonNode body = r.json();
            assertThat(body.get("generatedAt").asString()).isNotBlank();
            assertThat(body.get("catalogVersion").asString()).hasSize(16);
            assertThat(body.get("handler").get("name").asString()).isNotBlank();
            assertThat(body.get("handler").get("contact").asString()).isNotBlank();
            assertThat(r.header("ETag")).isEqualTo("\"" + body.get("catalogVersion").asString() + "\"");
            assertThat(r.header("Cache-Control")).contains("public", "max-age");
        }
    }

    @Test
    @DisplayName("NDSR-21 a purpose is listed under each of its data categories with its basis, channels, retention and notice")
    void purpose_is_listed_under_each_category() {
        String category = Fixtures.unique("cat");
        String code = Fixtures.unique("loyalty");
        putPurpose(code, """
                {"name": {"zh-CN": "会员积分", "en": "Loyalty points"}, "legalBasis": "CONSENT",
                 "channels": ["sms", "email"], "validityDays": 0, "retentionDays": 400,
                 "dataCategories": ["%s", "email"]}""".formatted(category));
        String version = fx.notice(false, code);

        JsonNode categories = anonymous.get(COLLECTION).json().get("categories");

        for (String c : List.of(category, "email")) {
            JsonNode use = purposeIn(find(categories, "code", c).get("purposes"), code);
            assertThat(use).as("purpose %s under category %s", code, c).isNotNull();
            assertThat(use.get("name").get("en").asString()).isEqualTo("Loyalty points");
            assertThat(use.get("legalBasis").asString()).isEqualTo("CONSENT");
            assertThat(use.get("separateConsent").asBoolean()).isFalse();
            assertThat(use.get("channels").toString()).isEqualTo("[\"email\",\"sms\"]");
            assertThat(use.get("retentionDays").asInt()).isEqualTo(400);
            assertThat(use.get("noticeVersion").asString()).isEqualTo(version);
        }
        JsonNode own = find(categories, "code", category);
        assertThat(own.get("retentionDays").asInt()).isEqualTo(400);
        assertThat(own.get("noticeVersion").asString()).isEqualTo(version);
    }

    @Test
    @DisplayName("NDSR-21 PIPL-23 a purpose sharing with a named recipient is in the sharing list with its categories and transfer")
    void sharing_purpose_is_listed_under_its_recipient() {
        String recipient = Fixtures.unique("Partner Co.");
        String code = "share." + Fixtures.unique("partner");
        putPurpose(code, """
                {"name": {"zh-CN": "与合作方共享", "en": "Sharing with a partner"}, "legalBasis": "CONSENT",
                 "validityDays": 0, "retentionDays": 365, "dataCategories": ["name", "tier"],
                 "recipients": ["%s"], "separateConsent": true, "piaId": "PIA-21", "crossBorder": true,
                 "transferMechanism": "STANDARD_CONTRACT"}""".formatted(recipient));
        fx.notice(false, code);

        JsonNode entry = find(anonymous.get(SHARING).json().get("recipients"), "name", recipient);

        assertThat(entry).as("recipient %s", recipient).isNotNull();
        assertThat(entry.get("kind").asString()).isEqualTo("PARTNER");
        assertThat(entry.get("crossBorder").asBoolean()).isTrue();
        JsonNode share = purposeIn(entry.get("purposes"), code);
        assertThat(share.get("dataCategories").toString()).isEqualTo("[\"name\",\"tier\"]");
        assertThat(share.get("legalBasis").asString()).isEqualTo("CONSENT");
        assertThat(share.get("separateConsent").asBoolean()).isTrue();
        assertThat(share.get("transferMechanism").asString()).isEqualTo("STANDARD_CONTRACT");
        assertThat(purposeIn(find(anonymous.get(COLLECTION).json().get("categories"), "code", "tier")
                .get("purposes"), code)).isNotNull();
    }

    @Test
    @DisplayName("NDSR-21 a new purpose shows only once a notice covering it is published and in effect")
    void new_purpose_shows_after_its_notice_takes_effect() {
        String category = Fixtures.unique("cat");
        String code = "ads." + Fixtures.unique("platform");
        putPurpose(code, """
                {"name": {"zh-CN": "广告投放", "en": "Ads"}, "legalBasis": "CONSENT", "validityDays": 0,
                 "retentionDays": 90, "dataCategories": ["%s"], "separateConsent": true, "piaId": "PIA-22"}"""
                .formatted(category));
        assertThat(listedCategories()).doesNotContain(category);

        publishNotice(code, Instant.now().plusSeconds(86_400));
        assertThat(listedCategories()).as("a notice that takes effect tomorrow does not speak today")
                .doesNotContain(category);
        assertThat(anonymous.get(SHARING).body()).doesNotContain(code);

        String version = fx.notice(false, code);
        assertThat(listedCategories()).contains(category);
        JsonNode platform = find(anonymous.get(SHARING).json().get("recipients"), "name", code.substring(4));
        assertThat(platform.get("kind").asString()).isEqualTo("AD_PLATFORM");
        assertThat(purposeIn(platform.get("purposes"), code).get("noticeVersion").asString()).isEqualTo(version);
    }

    @Test
    @DisplayName("NDSR-21 the catalog version changes when the list changes, and an unchanged list answers 304 to its ETag")
    void etag_follows_the_content() {
        Api.Response before = anonymous.get(COLLECTION);
        Api.Response again = anonymous.raw("GET", COLLECTION, null, null, "If-None-Match", before.header("ETag"));
        // another test may have changed the catalog in between; then the answer is a full 200 with a new ETag
        assertThat(again.status()).isIn(200, 304);
        if (again.status() == 304) {
            assertThat(again.body()).isEmpty();
        }

        String code = fx.marketingPurpose(0);
        fx.notice(false, code);
        Api.Response after = anonymous.get(COLLECTION);
        assertThat(after.json().get("catalogVersion").asString())
                .isNotEqualTo(before.json().get("catalogVersion").asString());
        assertThat(after.header("ETag")).isNotEqualTo(before.header("ETag"));
    }

    @Test
    @DisplayName("NDSR-21 the lists never contain personal data, even after consent was recorded for the purpose")
    void lists_hold_no_personal_data() {
        String code = fx.marketingPurpose(0);
        String version = fx.notice(false, code);
        String phone = Fixtures.phone();
        assertThat(fx.event(phone, code, "sms", "GRANT", version, Instant.now().minusSeconds(5)).status()).isEqualTo(201);

        for (String path : List.of(COLLECTION, SHARING)) {
            String body = anonymous.get(path).body();
            assertThat(body).doesNotContain(phone).doesNotContain(phone.substring(3)).doesNotContain("subject");
        }
    }

    @Test
    @DisplayName("NDSR-21 a browser gets both lists as HTML pages in zh-CN, and in English with ?lang=en")
    void html_pages_render() {
        String code = "share." + Fixtures.unique("brand");
        String recipient = Fixtures.unique("品牌方");
        putPurpose(code, """
                {"name": {"zh-CN": "与品牌方共享会员信息", "en": "Member data for our brand partner"},
                 "legalBasis": "CONSENT", "validityDays": 0, "retentionDays": 365, "dataCategories": ["phone"],
                 "recipients": ["%s"], "separateConsent": true, "piaId": "PIA-23"}""".formatted(recipient));
        fx.notice(false, code);
        String html = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

        Api.Response zh = anonymous.raw("GET", COLLECTION, null, null, "Accept", html);
        assertThat(zh.status()).isEqualTo(200);
        assertThat(zh.contentType()).startsWith("text/html");
        assertThat(zh.body()).contains("与品牌方共享会员信息", "个人信息收集清单", "data-purpose=\"" + code + "\"",
                "viewport");
        Api.Response en = anonymous.raw("GET", SHARING + "?lang=en", null, null, "Accept", html);
        assertThat(en.status()).isEqualTo(200);
        assertThat(en.contentType()).startsWith("text/html");
        assertThat(en.body()).contains("Member data for our brand partner", recipient, "Partner",
                "Who receives personal information");
        assertThat(en.body()).doesNotContain("??");
    }

    private void putPurpose(String code, String json) {
        Api.Response r = api.put("/api/v1/purposes/" + code, json);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
    }

    private void publishNotice(String purpose, Instant effectiveAt) {
        Api.Response r = api.post("/api/v1/notices", """
                {"version": "%s", "locale": "zh-CN", "title": "隐私政策", "body": "以后生效",
                 "handler": {"name": "示例零售有限公司", "contact": "privacy@example.cn"},
                 "officerContact": "dpo@example.cn", "purposes": ["%s"], "methods": "收集",
                 "dataCategories": ["phone"], "retention": "3 年", "rights": "偏好中心",
                 "material": false, "effectiveAt": "%s"}""".formatted(Fixtures.unique("v"), purpose, effectiveAt));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
    }

    private List<String> listedCategories() {
        List<String> codes = new ArrayList<>();
        anonymous.get(COLLECTION).json().get("categories").forEach(c -> codes.add(c.get("code").asString()));
        return codes;
    }

    private static JsonNode find(JsonNode array, String field, String value) {
        for (JsonNode n : array) {
            if (value.equals(n.get(field).asString())) {
                return n;
            }
        }
        return null;
    }

    private static JsonNode purposeIn(JsonNode purposes, String code) {
        return purposes == null ? null : find(purposes, "code", code);
    }
}
