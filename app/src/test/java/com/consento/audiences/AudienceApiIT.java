package com.consento.audiences;

import static org.assertj.core.api.Assertions.assertThat;

import com.consento.shared.Sha256;
import com.consento.testing.Api;
import com.consento.testing.Fixtures;
import com.consento.testing.IntegrationTest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

@IntegrationTest
class AudienceApiIT {
    @LocalServerPort
    int port;
    Api api;
    Fixtures fx;
    Instant now;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        fx = new Fixtures(api);
        now = Instant.now().minusSeconds(60).truncatedTo(ChronoUnit.MILLIS);
    }

    /** A subject with a profile in {@code city}, known to the audience index through one order. */
    private String person(String phone, String email, String city, String tier) {
        String ids = "{\"type\": \"phone\", \"value\": \"" + phone + "\"}"
                + (email == null ? "" : ", {\"type\": \"email\", \"value\": \"" + email + "\"}");
        Api.Response created = api.post("/api/v1/subjects", """
                {"identifiers": [%s], "profile": {"city": "%s", "tier": "%s", "birthDate": "1990-12-03"}}"""
                .formatted(ids, city, tier));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.json().get("subjectId").asString();
        Api.Response order = api.post("/api/v1/orders", """
                {"orderId": "%s", "subject": "%s", "placedAt": "%s",
                 "lines": [{"sku": "SKU-1", "quantity": 1, "unitPrice": 9.9, "category": "toys"}]}"""
                .formatted(Fixtures.unique("ord"), id, now.minus(3, ChronoUnit.DAYS)));
        assertThat(order.status()).as(order.body()).isEqualTo(201);
        return id;
    }

    private void grant(String phone, String purpose, String channel, String notice, String action) {
        Api.Response r = fx.event(phone, purpose, channel, action, notice, Instant.now().minusSeconds(1));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
    }

    private JsonNode preview(String purpose, String channel, String rule) {
        Api.Response r = api.post("/api/v1/audiences/preview", """
                {"purpose": "%s", "channel": "%s", "rule": %s}""".formatted(purpose, channel, rule));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    private static void assertCounts(JsonNode p, int count, int matched, int consent, int suppression) {
        assertThat(p.get("count").asInt()).as(p.toString()).isEqualTo(count);
        assertThat(p.get("matchedRule").asInt()).as(p.toString()).isEqualTo(matched);
        assertThat(p.get("excludedByConsent").asInt()).as(p.toString()).isEqualTo(consent);
        assertThat(p.get("excludedBySuppression").asInt()).as(p.toString()).isEqualTo(suppression);
        assertThat(p.get("excludedByFrequencyCap").asInt()).as(p.toString()).isZero();
    }

    @Test
    @DisplayName("CPL-29 GB-8.4 preview counts are exact; a suppression and a withdrawal remove people at the next preview")
    void preview_counts_suppression_and_withdrawal() {
        String purpose = fx.marketingPurpose(0);
        String notice = fx.notice(false, purpose);
        String city = Fixtures.unique("city");
        String[] phones = new String[5];
        String[] ids = new String[5];
        for (int i = 0; i < 5; i++) {
            phones[i] = Fixtures.phone();
            ids[i] = person(phones[i], null, city, "gold");
        }
        String silver = Fixtures.phone();
        person(silver, null, city, "silver");
        person(Fixtures.phone(), null, Fixtures.unique("elsewhere"), "gold");
        for (int i = 0; i < 4; i++) {
            grant(phones[i], purpose, "sms", notice, "GRANT");
        }
        grant(silver, purpose, "sms", notice, "GRANT");
        String rule = """
                {"all": [{"attr": "city", "op": "eq", "value": "%s"}, {"attr": "tier", "op": "in", "value": ["gold"]},
                         {"not": {"attr": "daysSinceLastOrder", "op": "gt", "value": 365}}]}""".formatted(city);

        assertCounts(preview(purpose, "sms", rule), 4, 5, 1, 0);

        Api.Response s = api.post("/api/v1/suppressions", """
                {"subject": "%s", "reason": "complained by phone"}""".formatted(ids[2]));
        assertThat(s.status()).as(s.body()).isEqualTo(201);
        assertCounts(preview(purpose, "sms", rule), 3, 5, 1, 1);

        grant(phones[3], purpose, "sms", notice, "WITHDRAW");
        assertCounts(preview(purpose, "sms", rule), 2, 5, 2, 1);

        assertCounts(preview(purpose, "email", rule), 0, 5, 5, 0);
    }

    @Test
    @DisplayName("NDSR-22d an unknown purpose, attribute or channel is refused with 422 and a pointer")
    void refusals() {
        String purpose = fx.marketingPurpose(0);
        Api.Response unknownPurpose = api.post("/api/v1/audiences/preview", """
                {"purpose": "no_such_purpose_x", "channel": "sms", "rule": {"all": []}}""");
        assertThat(unknownPurpose.status()).isEqualTo(422);
        Api.Response unknownAttr = api.post("/api/v1/audiences/preview", """
                {"purpose": "%s", "channel": "sms", "rule": {"any": [{"attr": "shoeSize", "op": "eq", "value": 42}]}}"""
                .formatted(purpose));
        assertThat(unknownAttr.status()).isEqualTo(422);
        assertThat(unknownAttr.json().get("errors").get(0).get("pointer").asString()).isEqualTo("/rule/any/0/attr");
        Api.Response wrongChannel = api.post("/api/v1/audiences/preview", """
                {"purpose": "%s", "channel": "wechat", "rule": {"all": []}}""".formatted(purpose));
        assertThat(wrongChannel.status()).isEqualTo(422);
    }

    @Test
    @DisplayName("audiences need the audience scope")
    void needs_audience_scope() {
        String key = api.post("/api/v1/api-keys", "{\"name\": \"crm\", \"scopes\": [\"campaign\"]}").json().get("key")
                .asString();
        Api.Response r = api.as(key).post("/api/v1/audiences/preview", "{\"purpose\": \"x\", \"rule\": {\"all\": []}}");
        assertThat(r.status()).isEqualTo(403);
    }

    private String adsPurpose(String platform, String recipient) {
        Api.Response r = api.put("/api/v1/purposes/ads." + platform, """
                {"name": {"zh-CN": "广告投放", "en": "Ad audiences"}, "legalBasis": "CONSENT", "separateConsent": true,
                 "piaId": "PIA-ADS-1", "recipients": ["%s"], "validityDays": 0, "retentionDays": 365,
                 "dataCategories": ["phone", "email"]}""".formatted(recipient));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return "ads." + platform;
    }

    @Test
    @DisplayName("PIPL-23 GB-8.4 an ad audience holds SHA-256 of E.164 phone and e-mail of those allowed, and a withdrawal removes the person at the next export")
    void ad_audience_export() {
        String platform = Fixtures.unique("plat");
        String purpose = adsPurpose(platform, platform.toUpperCase() + " Ads");
        String notice = fx.notice(false, purpose);
        String phoneA = Fixtures.phone();
        String emailA = Fixtures.unique("Shopper") + "@Example.cn";
        String phoneB = Fixtures.phone();
        person(phoneA, emailA, Fixtures.unique("c"), "gold");
        person(phoneB, null, Fixtures.unique("c"), "gold");
        person(Fixtures.phone(), null, Fixtures.unique("c"), "gold");
        grant(phoneA, purpose, null, notice, "GRANT");
        grant(phoneB, purpose, null, notice, "GRANT");

        Api.Response first = api.post("/api/v1/ad-audiences/" + platform + "/export", "");
        assertThat(first.status()).as(first.body()).isEqualTo(200);
        JsonNode body = first.json();
        assertThat(body.get("count").asInt()).isEqualTo(2);
        assertThat(body.get("purpose").asString()).isEqualTo(purpose);
        assertThat(body.toString()).contains(Sha256.hex(phoneA)).contains(Sha256.hex(emailA.toLowerCase()))
                .contains(Sha256.hex(phoneB)).doesNotContain(phoneA.substring(1));

        grant(phoneA, purpose, null, notice, "WITHDRAW");
        JsonNode second = api.post("/api/v1/ad-audiences/" + platform + "/export", "").json();
        assertThat(second.get("count").asInt()).isEqualTo(1);
        assertThat(second.toString()).doesNotContain(Sha256.hex(phoneA)).contains(Sha256.hex(phoneB));

        Api.Response csv = api.post("/api/v1/ad-audiences/" + platform + "/export?format=csv", "");
        assertThat(csv.contentType()).startsWith("text/csv");
        assertThat(csv.body()).isEqualTo("phone_sha256,email_sha256\n" + Sha256.hex(phoneB) + ",\n");
    }

    @Test
    @DisplayName("PIPL-23 an export to a platform that no separate-consent purpose names is refused with 422")
    void export_needs_a_purpose_naming_the_platform() {
        String platform = Fixtures.unique("plat");
        assertThat(api.post("/api/v1/ad-audiences/" + platform + "/export", "").status()).isEqualTo(422);
        adsPurpose(platform, "Another Company");
        Api.Response r = api.post("/api/v1/ad-audiences/" + platform + "/export", "");
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.body()).contains("recipient");
    }
}
