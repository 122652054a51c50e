package com.consento.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import com.consento.testing.Api;
import com.consento.testing.Fixtures;
import com.consento.testing.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

@IntegrationTest
class CatalogApiIT {
    @LocalServerPort
    int port;
    Api api;
    Fixtures fx;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        fx = new Fixtures(api);
    }

    @Test
    @DisplayName("PIPL-13a a purpose without a legal basis is rejected with 422 at /legalBasis")
    void purpose_needs_legal_basis() {
        Api.Response r = api.put("/api/v1/purposes/" + Fixtures.unique("p"), """
                {"name": {"en": "x"}, "validityDays": 0, "retentionDays": 30}""");
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.body()).contains("/legalBasis").contains("PIPL-13a");
    }

    @Test
    @DisplayName("PIPL-55 SEP-0 a purpose that shares data needs separate consent and an impact assessment")
    void sharing_purpose_needs_separate_consent_and_pia() {
        String code = "share." + Fixtures.unique("partner");
        Api.Response r = api.put("/api/v1/purposes/" + code, """
                {"name": {"en": "Share with partner"}, "legalBasis": "CONSENT", "validityDays": 0,
                 "retentionDays": 30, "recipients": ["Partner Co."]}""");
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.body()).contains("/separateConsent").contains("/piaId");
        Api.Response ok = api.put("/api/v1/purposes/" + code, """
                {"name": {"en": "Share with partner"}, "legalBasis": "CONSENT", "validityDays": 0,
                 "retentionDays": 30, "recipients": ["Partner Co."], "separateConsent": true, "piaId": "PIA-7"}""");
        assertThat(ok.status()).isEqualTo(201);
        assertThat(api.get("/api/v1/purposes").body()).contains(code);
    }

    @Test
    @DisplayName("PIPL-17a a notice without its required fields cannot be published")
    void notice_requires_pipl17_fields() {
        String p = fx.marketingPurpose(0);
        Api.Response r = api.post("/api/v1/notices", """
                {"version": "%s", "locale": "zh-CN", "title": "t", "body": "b", "purposes": ["%s"], "material": false}"""
                .formatted(Fixtures.unique("v"), p));
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.body()).contains("/handler/name", "/methods", "/dataCategories", "/retention", "/rights",
                "/officerContact");
    }

    @Test
    @DisplayName("PIPL-17b a published notice is immutable and downloadable")
    void notice_is_immutable() {
        String p = fx.marketingPurpose(0);
        String version = fx.notice(false, p);
        Api.Response stored = api.get("/api/v1/notices/" + version);
        assertThat(stored.status()).isEqualTo(200);
        assertThat(stored.json().get("contentSha256").asString()).hasSize(64);
        String changed = stored.body().replace("我们如何处理您的个人信息……", "changed text");
        Api.Response again = api.post("/api/v1/notices", changed);
        assertThat(again.status()).isEqualTo(409);
        assertThat(api.get("/api/v1/notices/" + version).json().get("body").asString())
                .isEqualTo("我们如何处理您的个人信息……");
    }
}
