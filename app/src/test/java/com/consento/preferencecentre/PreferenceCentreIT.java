package com.consento.preferencecentre;

import static org.assertj.core.api.Assertions.assertThat;

import com.consento.identity.IdentifierType;
import com.consento.shared.Sha256;
import com.consento.testing.Api;
import com.consento.testing.Fixtures;
import com.consento.testing.IntegrationTest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** The preference centre as a browser without JavaScript sees it: plain forms that post and redirect back. */
@IntegrationTest
class PreferenceCentreIT {
    @LocalServerPort
    int port;
    @Autowired
    LogLinkSender links;
    Api api;
    Shop shop;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        shop = new Shop(api);
    }

    private JsonNode lastEvent(String subjectId) {
        JsonNode events = api.get("/api/v1/subjects/" + subjectId + "/consent-events").json().get("events");
        return events.get(events.size() - 1);
    }

    /** Opens the link; returns the page's HTML after the redirect. */
    private String open(PageClient page, String url) {
        HttpResponse<String> opened = page.get(url);
        assertThat(opened.statusCode()).isEqualTo(302);
        String location = opened.headers().firstValue("Location").orElseThrow();
        assertThat(location).endsWith("/preferences").doesNotContain("t=");
        HttpResponse<String> html = page.get("/preferences");
        assertThat(html.statusCode()).isEqualTo(200);
        return html.body();
    }

    @Test
    @DisplayName("the link API issues a signed, expiring link; opening it starts a visit and takes the token out of the URL")
    void link_opens_a_visit() {
        String id = shop.subject(Fixtures.phone(), null);
        JsonNode link = api.get("/api/v1/subjects/" + id + "/preference-link").json();
        assertThat(link.get("url").asString()).contains("/preferences?t=" + link.get("token").asString());
        assertThat(link.get("expiresAt").asString()).isNotBlank();
        String html = open(new PageClient(port), link.get("url").asString());
        assertThat(html).contains("lang=\"zh-CN\"").contains("data-purpose=\"" + shop.marketing + "\"")
                .contains("+86 139****");
        // a reader without subject:read gets no link
        String key = api.post("/api/v1/api-keys", "{\"name\": \"" + Fixtures.unique("d")
                + "\", \"scopes\": [\"decision:read\"]}").json().get("key").asString();
        assertThat(api.as(key).get("/api/v1/subjects/" + id + "/preference-link").status()).isEqualTo(403);
        assertThat(api.get("/api/v1/subjects/sub_nobody/preference-link").status()).isEqualTo(404);
    }

    @Test
    @DisplayName("APP-III.4 never-asked purposes render unchecked; contract purposes have no control; no notice, no grant")
    void controls_render_unchecked() {
        String id = shop.subject(Fixtures.phone(), null);
        String html = open(new PageClient(port), shop.link(id, ""));
        assertThat(html).contains("data-purpose=\"" + shop.marketing + "\"").doesNotContain("checked=\"checked\"");
        assertThat(html).doesNotContain("data-purpose=\"" + shop.orders + "\"").contains("data-card=\"" + shop.orders + "\"");
        assertThat(PageClient.control(html, shop.unnoticed, null)).contains("disabled=\"disabled\"");
        assertThat(PageClient.control(html, shop.personal, null)).doesNotContain("disabled");
        assertThat(html).contains(Shop.PARTNER);
    }

    @Test
    @DisplayName("PIPL-15a without JavaScript a consent is granted and withdrawn by the same control and one save")
    void form_grants_and_withdraws() {
        String phone = Fixtures.phone();
        String id = shop.subject(phone, null);
        PageClient page = new PageClient(port);
        String csrf = PageClient.csrf(open(page, shop.link(id, "")));
        String key = shop.marketing + "|sms";

        HttpResponse<String> saved = page.post("/preferences/consents", "csrf", csrf, "shown", key + "|0", "on", key);
        assertThat(saved.statusCode()).isEqualTo(302);
        assertThat(shop.decision(id, shop.marketing, "sms")).isEqualTo("GRANTED");
        JsonNode event = lastEvent(id);
        assertThat(event.get("action").asString()).isEqualTo("GRANT");
        assertThat(event.get("touchpoint").asString()).isEqualTo("WEB");
        assertThat(event.get("noticeVersion").asString()).isEqualTo(shop.notice);
        assertThat(event.get("evidence").get("method").asString()).isEqualTo("preference-centre");
        assertThat(event.get("evidence").get("uiTextHash").asString()).isEqualTo(Sha256.hex("营销信息 — 短信"));
        String after = page.get("/preferences").body();
        assertThat(PageClient.control(after, shop.marketing, "sms")).contains("checked=\"checked\"");
        assertThat(PageClient.control(after, shop.marketing, "email")).doesNotContain("checked");

        // the same control, unticked, and the same save
        page.post("/preferences/consents", "csrf", csrf, "shown", key + "|1");
        assertThat(shop.decision(id, shop.marketing, "sms")).isEqualTo("WITHDRAWN");
        // a form without the visit's token changes nothing
        page.post("/preferences/consents", "csrf", "forged", "shown", key + "|0", "on", key);
        assertThat(shop.decision(id, shop.marketing, "sms")).isEqualTo("WITHDRAWN");
    }

    @Test
    @DisplayName("the JSON toggle needs the visit and its token, and records touchpoint APP when opened from the app")
    void json_toggle_via_app() {
        String id = shop.subject(Fixtures.phone(), null);
        PageClient page = new PageClient(port);
        String csrf = PageClient.csrf(open(page, shop.link(id, "?via=app")));
        String body = "{\"purpose\": \"" + shop.personal + "\", \"granted\": true}";
        assertThat(page.postJson("/preferences/toggle", body, null).statusCode()).isEqualTo(403);
        assertThat(new PageClient(port).postJson("/preferences/toggle", body, csrf).statusCode()).isEqualTo(401);
        HttpResponse<String> ok = page.postJson("/preferences/toggle", body, csrf);
        assertThat(ok.statusCode()).as(ok.body()).isEqualTo(200);
        assertThat(ok.body()).contains("\"granted\":true").contains("\"status\":\"GRANTED\"");
        assertThat(shop.decision(id, shop.personal, null)).isEqualTo("GRANTED");
        assertThat(lastEvent(id).get("touchpoint").asString()).isEqualTo("APP");
        // a second identical click records nothing more
        int before = api.get("/api/v1/subjects/" + id + "/consent-events").json().get("events").size();
        assertThat(page.postJson("/preferences/toggle", body, csrf).body()).contains("\"recorded\":false");
        assertThat(api.get("/api/v1/subjects/" + id + "/consent-events").json().get("events").size()).isEqualTo(before);
        // a purpose no notice lists cannot be granted
        HttpResponse<String> refused = page.postJson("/preferences/toggle",
                "{\"purpose\": \"" + shop.unnoticed + "\", \"granted\": true}", csrf);
        assertThat(refused.statusCode()).isEqualTo(422);
    }

    @Test
    @DisplayName("SEP-0 two separate-consent purposes ticked before one save are still recorded as two acts")
    void separate_consents_are_separate_acts() {
        String id = shop.subject(Fixtures.phone(), null);
        PageClient page = new PageClient(port);
        String csrf = PageClient.csrf(open(page, shop.link(id, "")));
        page.post("/preferences/consents", "csrf", csrf, "shown", shop.share + "||0", "on", shop.share + "|",
                "shown", shop.location + "||0", "on", shop.location + "|");
        assertThat(shop.decision(id, shop.share, null)).isEqualTo("GRANTED");
        assertThat(shop.decision(id, shop.location, null)).isEqualTo("GRANTED");
        JsonNode events = api.get("/api/v1/subjects/" + id + "/consent-events").json().get("events");
        assertThat(events.get(0).get("capturedAt").asString()).isNotEqualTo(events.get(1).get("capturedAt").asString());
        assertThat(events.get(0).get("evidence").get("uiTextHash").asString())
                .isEqualTo(Sha256.hex("单独同意：与品牌合作方共享（提供给 " + Shop.PARTNER + "）"));
    }

    @Test
    @DisplayName("withdraw all withdraws every granted consent in one action")
    void withdraw_all() {
        String phone = Fixtures.phone();
        String id = shop.subject(phone, null);
        shop.grant(phone, shop.marketing, "sms");
        shop.grant(phone, shop.marketing, "email");
        shop.grant(phone, shop.personal, null);
        PageClient page = new PageClient(port);
        String csrf = PageClient.csrf(open(page, shop.link(id, "")));
        assertThat(page.post("/preferences/withdraw-all", "csrf", csrf).statusCode()).isEqualTo(302);
        assertThat(shop.decision(id, shop.marketing, "sms")).isEqualTo("WITHDRAWN");
        assertThat(shop.decision(id, shop.marketing, "email")).isEqualTo("WITHDRAWN");
        assertThat(shop.decision(id, shop.personal, null)).isEqualTo("WITHDRAWN");
        assertThat(shop.decision(id, shop.orders, null)).isEqualTo("NOT_REQUIRED");
    }

    @Test
    @DisplayName("a tampered or expired link shows nothing of anyone and ends an open visit")
    void tampered_link_shows_nothing() {
        String id = shop.subject(Fixtures.phone(), null);
        PageClient page = new PageClient(port);
        String url = shop.link(id, "");
        open(page, url);
        String tampered = url.substring(0, url.length() - 3) + (url.endsWith("A") ? "BBB" : "AAA");
        HttpResponse<String> r = page.get(tampered);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).doesNotContain("data-purpose").doesNotContain("****").doesNotContain(id)
                .contains("data-action=\"send-link\"").contains("data-state=\"invalid\"");
        assertThat(page.get("/preferences").body()).doesNotContain("data-purpose");
        assertThat(page.get("/preferences?t=").body()).doesNotContain("data-purpose");
    }

    @Test
    @DisplayName("a new link is sent to a known address; the answer is the same for an unknown one; logs stay masked")
    void new_link_on_request() {
        String phone = Fixtures.phone();
        shop.subject(phone, null);
        PageClient page = new PageClient(port);
        HttpResponse<String> known = page.post("/preferences/link", "contact", phone.substring(3));
        String unknownPhone = Fixtures.phone();
        HttpResponse<String> unknown = new PageClient(port).post("/preferences/link", "contact", unknownPhone);
        assertThat(known.statusCode()).isEqualTo(unknown.statusCode()).isEqualTo(302);
        String answer = page.get("/preferences").body();
        assertThat(answer).contains("data-state=\"sent\"");
        assertThat(links.lastLinkTo(IdentifierType.PHONE, phone)).contains("/preferences?t=");
        assertThat(links.lastLinkTo(IdentifierType.PHONE, unknownPhone)).isNull();
        String html = open(new PageClient(port), links.lastLinkTo(IdentifierType.PHONE, phone));
        assertThat(html).contains("data-purpose=\"" + shop.marketing + "\"");
    }

    @Test
    @DisplayName("preferences saved on the page are what the API returns; invalid input is explained, not stored")
    void preferences_form() {
        String id = shop.subject(Fixtures.phone(), null);
        PageClient page = new PageClient(port);
        String csrf = PageClient.csrf(open(page, shop.link(id, "")));
        page.post("/preferences/settings", "csrf", csrf, "topics", "birthday", "topics", "loyalty",
                "categories", "运动鞋，包袋", "brands", "Acme", "maxPerWeek", "2", "quietStart", "21:30",
                "quietEnd", "07:00", "language", "en");
        assertThat(page.get("/preferences").body()).contains("偏好已保存");
        JsonNode p = api.get("/api/v1/subjects/" + id + "/preferences").json();
        assertThat(p.get("topics").toString()).isEqualTo("[\"birthday\",\"loyalty\"]");
        assertThat(p.get("categories").toString()).isEqualTo("[\"运动鞋\",\"包袋\"]");
        assertThat(p.get("maxMessagesPerWeek").asInt()).isEqualTo(2);
        assertThat(p.get("quietHours").get("start").asString()).isEqualTo("21:30");

        page.post("/preferences/settings", "csrf", csrf, "maxPerWeek", "99");
        assertThat(page.get("/preferences").body()).contains("每周条数须为 1 到 50 的整数");
        assertThat(api.get("/api/v1/subjects/" + id + "/preferences").json().get("maxMessagesPerWeek").asInt())
                .isEqualTo(2);
    }

    @Test
    @DisplayName("PIPL-52 the page shows the officer's contact; an export or deletion request is received")
    void officer_and_requests() {
        String phone = Fixtures.phone();
        String id = shop.subject(phone, null);
        shop.grant(phone, shop.personal, null);
        PageClient page = new PageClient(port);
        String html = open(page, shop.link(id, ""));
        assertThat(html).contains("dpo@example.cn").contains("privacy@example.cn");
        page.post("/preferences/requests", "csrf", PageClient.csrf(html), "type", "DELETION");
        assertThat(page.get("/preferences").body()).contains("已收到您的删除申请");
    }

    @Test
    @DisplayName("PIPL-17b after a material notice the page says what changed since the version the person agreed to")
    void notice_changes() {
        String phone = Fixtures.phone();
        String id = shop.subject(phone, null);
        shop.grant(phone, shop.personal, null);
        Api.Response r = api.post("/api/v1/notices", """
                {"version": "%s", "locale": "zh-CN", "title": "隐私政策", "body": "我们如何处理您的个人信息……\\n新增：向合作方提供购买记录",
                 "handler": {"name": "示例零售有限公司", "contact": "privacy@example.cn"},
                 "officerContact": "dpo-new@example.cn", "purposes": ["%s"], "methods": "收集、存储、使用",
                 "dataCategories": ["phone"], "retention": "3 年", "rights": "在隐私设置中行使权利",
                 "material": true}""".formatted(Fixtures.unique("v"), shop.personal));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        String html = open(new PageClient(port), shop.link(id, ""));
        assertThat(html).contains("data-notice=\"changed\"").contains("data-notice=\"material\"")
                .contains("新增：向合作方提供购买记录").contains("dpo-new@example.cn");
        assertThat(shop.decision(id, shop.personal, null)).isEqualTo("NOTICE_OUTDATED");
    }
}
