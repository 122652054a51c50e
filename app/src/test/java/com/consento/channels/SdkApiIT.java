package com.consento.channels;

import static org.assertj.core.api.Assertions.assertThat;

import com.consento.testing.Api;
import com.consento.testing.Fixtures;
import com.consento.testing.IntegrationTest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** The web SDK's server side: site keys with origins, the public config, and CORS on the consent API. */
@IntegrationTest
class SdkApiIT {
    static final String SHOP = "https://shop-" + Fixtures.unique("o").replace('_', '-') + ".example.cn";
    static final String OTHER_SHOP = "https://other-" + Fixtures.unique("o").replace('_', '-') + ".example.cn";
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

    private String siteKey(String... origins) {
        Api.Response r = api.post("/api/v1/api-keys", "{\"name\": \"web shop\", \"scopes\": [\"consent:write\"], "
                + "\"allowedOrigins\": [\"" + String.join("\", \"", origins) + "\"]}");
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("key").asString();
    }

    static Map<String, JsonNode> byCode(JsonNode config) {
        Map<String, JsonNode> purposes = new HashMap<>();
        config.get("purposes").forEach(p -> purposes.put(p.get("code").asString(), p));
        return purposes;
    }

    @Test
    @DisplayName("a site key stores its origins, normalised; a bad origin or a site key with more than consent:write is 422")
    void site_key_origins() {
        Api.Response r = api.post("/api/v1/api-keys", "{\"name\": \"shop\", \"scopes\": [\"consent:write\"], "
                + "\"allowedOrigins\": [\"https://WWW.Shop.cn:443/\", \"http://127.0.0.1:9999\"]}");
        assertThat(r.status()).isEqualTo(201);
        assertThat(r.json().get("allowedOrigins").toString()).isEqualTo("[\"https://www.shop.cn\",\"http://127.0.0.1:9999\"]");
        for (String bad : new String[] {"\"*\"", "\"https://shop.cn/path\"", "\"shop.cn\""}) {
            assertThat(api.post("/api/v1/api-keys", "{\"name\": \"s\", \"scopes\": [\"consent:write\"], \"allowedOrigins\": ["
                    + bad + "]}").status()).as(bad).isEqualTo(422);
        }
        Api.Response admin = api.post("/api/v1/api-keys", "{\"name\": \"s\", \"scopes\": [\"admin\"], "
                + "\"allowedOrigins\": [\"https://shop.cn\"]}");
        assertThat(admin.status()).isEqualTo(422);
        assertThat(admin.json().get("errors").get(0).get("pointer").asString()).isEqualTo("/scopes");
    }

    @Test
    @DisplayName("APP-III.4 /sdk/config shows only what a page may: names in both languages, separate consent, notice version")
    void public_config() {
        String personal = fx.purposeWithoutChannel("CONSENT");
        String contract = fx.purposeWithoutChannel("CONTRACT");
        String mkt = fx.marketingPurpose(365);
        String share = "share." + Fixtures.unique("partner");
        assertThat(api.put("/api/v1/purposes/" + share, """
                {"name": {"zh-CN": "与合作方共享", "en": "Sharing with a partner"}, "legalBasis": "CONSENT",
                 "separateConsent": true, "piaId": "PIA-T-1", "recipients": ["Partner Co."], "validityDays": 0,
                 "retentionDays": 30, "dataCategories": ["phone"]}""").status()).isEqualTo(201);
        String unannounced = fx.purposeWithoutChannel("CONSENT");
        String v1 = fx.notice(true, personal, mkt, share);
        String v2 = fx.notice(false, personal, share);
        String key = siteKey(SHOP);

        Api.Response r = api.as(null).raw("GET", "/sdk/config?key=" + key, null, null, "Origin", SHOP);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.header("Access-Control-Allow-Origin")).isEqualTo(SHOP);
        JsonNode config = r.json();
        assertThat(Instant.parse(config.get("now").asString())).isCloseTo(Instant.now(), org.assertj.core.api.Assertions
                .within(10, ChronoUnit.SECONDS));
        assertThat(config.get("notices").toString()).contains("\"" + v1 + "\",\"" + v2 + "\"");
        Map<String, JsonNode> purposes = byCode(config);
        JsonNode p = purposes.get(personal);
        assertThat(p.get("name").get("zh-CN").asString()).isEqualTo("个性化推荐");
        assertThat(p.get("name").get("en").asString()).isEqualTo("Personalisation");
        assertThat(p.get("optional").asBoolean()).isTrue();
        assertThat(p.get("separateConsent").asBoolean()).isFalse();
        assertThat(p.get("notice").asString()).isEqualTo(v2);
        assertThat(p.get("reconsentFrom").asString()).isEqualTo(v1);
        assertThat(p.has("piaId")).isFalse();
        assertThat(p.has("retentionDays")).isFalse();
        JsonNode s = purposes.get(share);
        assertThat(s.get("separateConsent").asBoolean()).isTrue();
        assertThat(s.get("recipients").get(0).asString()).isEqualTo("Partner Co.");
        assertThat(purposes.get(mkt).get("channels").toString()).isEqualTo("[\"email\",\"sms\"]");
        assertThat(purposes.get(mkt).get("notice").asString()).isEqualTo(v1);
        assertThat(purposes.get(contract).get("optional").asBoolean()).isFalse();
        assertThat(purposes).doesNotContainKey(unannounced);

        Api.Response foreign = api.as(null).raw("GET", "/sdk/config?key=" + key, null, null, "Origin", OTHER_SHOP);
        assertThat(foreign.status()).isEqualTo(200);
        assertThat(foreign.header("Access-Control-Allow-Origin")).isNull();
    }

    @Test
    @DisplayName("/sdk/config refuses unknown keys (404), admin keys and keys that cannot record consent (403)")
    void config_refuses_wrong_keys() {
        assertThat(api.as(null).get("/sdk/config?key=csk_nope").status()).isEqualTo(404);
        assertThat(api.as(null).get("/sdk/config?key=" + Api.ADMIN_KEY).status()).isEqualTo(403);
        String reader = api.post("/api/v1/api-keys", "{\"name\": \"r\", \"scopes\": [\"decision:read\"]}").json()
                .get("key").asString();
        assertThat(api.as(null).get("/sdk/config?key=" + reader).status()).isEqualTo(403);
        assertThat(api.as(null).get("/sdk/config").status()).isEqualTo(400);
    }

    @Test
    @DisplayName("CORS: a preflight passes for an origin some key lists; the request only with a key that lists it")
    void cors_per_key() {
        String purpose = fx.purposeWithoutChannel("CONSENT");
        String notice = fx.notice(false, purpose);
        String key = siteKey(SHOP);
        String otherKey = siteKey(OTHER_SHOP);
        Api anonymous = api.as(null);

        Api.Response preflight = anonymous.raw("OPTIONS", "/api/v1/consent-events", null, null, "Origin", SHOP,
                "Access-Control-Request-Method", "POST", "Access-Control-Request-Headers", "authorization,content-type");
        assertThat(preflight.status()).as(preflight.body()).isEqualTo(200);
        assertThat(preflight.header("Access-Control-Allow-Origin")).isEqualTo(SHOP);
        assertThat(preflight.header("Access-Control-Allow-Methods")).contains("POST");
        assertThat(preflight.header("Access-Control-Allow-Headers").toLowerCase()).contains("authorization")
                .contains("content-type");
        Api.Response unknown = anonymous.raw("OPTIONS", "/api/v1/consent-events", null, null, "Origin",
                "https://evil.example", "Access-Control-Request-Method", "POST");
        assertThat(unknown.status()).isEqualTo(403);
        assertThat(unknown.header("Access-Control-Allow-Origin")).isNull();

        String phone = Fixtures.phone();
        String body = "{\"events\": [" + Fixtures.eventJson(phone, purpose, null, "GRANT", notice, now) + "]}";
        Api.Response wrongKey = api.as(otherKey).post("/api/v1/consent-events", body, "Origin", SHOP);
        assertThat(wrongKey.status()).isEqualTo(403);
        assertThat(api.get("/api/v1/subjects/lookup?type=phone&value=" + phone.replace("+", "%2B")).status())
                .isEqualTo(404);
        Api.Response ok = api.as(key).post("/api/v1/consent-events", body, "Origin", SHOP);
        assertThat(ok.status()).as(ok.body()).isEqualTo(201);
        assertThat(ok.header("Access-Control-Allow-Origin")).isEqualTo(SHOP);
        assertThat(fx.decision(phone, purpose, null)).isEqualTo("GRANTED");
        // server to server (no Origin): no CORS answer, the key works as any key
        assertThat(api.as(key).post("/api/v1/consent-events", "{\"events\": [" + Fixtures.eventJson(Fixtures.phone(),
                purpose, null, "GRANT", notice, now) + "]}").status()).isEqualTo(201);
    }

    @Test
    @DisplayName("a site key is public: it records consent events and nothing else")
    void site_key_records_consent_only() {
        Api site = api.as(siteKey(SHOP));
        assertThat(site.post("/api/v1/subjects/merge", "{\"survivor\": \"a\", \"merged\": \"b\"}").status()).isEqualTo(403);
        assertThat(site.post("/api/v1/subjects", "{\"identifiers\": [{\"type\": \"phone\", \"value\": \"" + Fixtures.phone()
                + "\"}]}").status()).isEqualTo(403);
        assertThat(site.post("/api/v1/inbound/sms", "{\"from\": \"+8613800138000\", \"text\": \"TD\"}").status())
                .isEqualTo(403);
        assertThat(site.raw("POST", "/api/v1/imports/consents", "text/csv", "x").status()).isEqualTo(403);
        assertThat(site.get("/api/v1/ping").status()).isEqualTo(403);
    }

    @Test
    @DisplayName("the SDK is served as plain JavaScript under 15 kB gzipped; the demo page asks for a key when none is set")
    void sdk_and_demo_page() throws Exception {
        Api.Response js = api.as(null).get("/sdk/consento.js");
        assertThat(js.status()).isEqualTo(200);
        assertThat(js.contentType()).contains("javascript");
        java.io.ByteArrayOutputStream gz = new java.io.ByteArrayOutputStream();
        try (var out = new java.util.zip.GZIPOutputStream(gz)) {
            out.write(js.body().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        assertThat(gz.size()).isLessThan(15 * 1024);
        Api.Response demo = api.as(null).get("/sdk/demo");
        assertThat(demo.status()).isEqualTo(200);
        assertThat(demo.body()).contains("data-state=\"no-key\"");
        Api.Response withKey = api.as(null).get("/sdk/demo?key=csk_x%22%3C%2Fscript%3E&lang=en");
        assertThat(withKey.body()).doesNotContain("data-state=\"no-key\"").doesNotContain("csk_x\"</script>")
                .contains("Example Retail");
    }
}
