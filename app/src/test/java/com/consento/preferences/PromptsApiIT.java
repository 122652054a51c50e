package com.consento.preferences;

import static org.assertj.core.api.Assertions.assertThat;

import com.consento.testing.Api;
import com.consento.testing.Fixtures;
import com.consento.testing.IntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

@IntegrationTest
class PromptsApiIT {
    @LocalServerPort
    int port;
    Api api;
    Fixtures fx;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        fx = new Fixtures(api);
    }

    private String subjectOf(String phone) {
        Api.Response r = api.get("/api/v1/subjects/lookup?type=phone&value=" + phone.replace("+", "%2B"));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json().get("subjectId").asString();
    }

    private String newSubject(String phone) {
        Api.Response r = api.post("/api/v1/subjects", "{\"identifiers\": [{\"type\": \"phone\", \"value\": \"" + phone
                + "\"}]}");
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("subjectId").asString();
    }

    /** The prompts for the given purposes only (the shared database holds other tests' purposes too). */
    private List<String> prompts(String subjectId, String query, String... purposes) {
        Api.Response r = api.get("/api/v1/subjects/" + subjectId + "/prompts" + query);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        List<String> out = new ArrayList<>();
        Set<String> wanted = Set.of(purposes);
        for (JsonNode p : r.json().get("prompts")) {
            if (wanted.contains(p.get("purpose").asString())) {
                JsonNode channel = p.get("channel");
                out.add(p.get("purpose").asString() + "/" + (channel == null || channel.isNull() ? "" : channel.asString())
                        + "/" + p.get("reason").asString());
            }
        }
        return out;
    }

    private void record(String phone, String purpose, String channel, String action, String notice, Instant at) {
        Api.Response r = fx.event(phone, purpose, channel, action, notice, at);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
    }

    @Test
    @DisplayName("NDSR-22e never-asked keys are offered per channel; granted keys and contract purposes never")
    void never_asked_and_granted() {
        String mkt = fx.marketingPurpose(365);
        String perso = fx.purposeWithoutChannel("CONSENT");
        String orders = fx.purposeWithoutChannel("CONTRACT");
        String notice = fx.notice(false, mkt, perso, orders);
        String phone = Fixtures.phone();
        String id = newSubject(phone);
        assertThat(prompts(id, "", mkt, perso, orders)).containsExactly(mkt + "/email/NEVER_ASKED",
                mkt + "/sms/NEVER_ASKED", perso + "//NEVER_ASKED");
        Api.Response r = api.get("/api/v1/subjects/" + id + "/prompts");
        JsonNode first = null;
        for (JsonNode p : r.json().get("prompts")) {
            if (p.get("purpose").asString().equals(perso)) {
                first = p;
            }
        }
        assertThat(first.get("noticeVersion").asString()).isEqualTo(notice);
        assertThat(r.json().get("guardianRequired").asBoolean()).isFalse();

        record(phone, mkt, "sms", "GRANT", notice, Instant.now());
        assertThat(prompts(id, "", mkt, perso)).containsExactly(mkt + "/email/NEVER_ASKED", perso + "//NEVER_ASKED");
    }

    @Test
    @DisplayName("NDSR-22e after a refusal or withdrawal the purpose is held back for 48 h unless the person opens that feature")
    void cooldown_after_refusal_and_feature_override() {
        String mkt = fx.marketingPurpose(365);
        String perso = fx.purposeWithoutChannel("CONSENT");
        String notice = fx.notice(false, mkt, perso);
        String phone = Fixtures.phone();
        record(phone, perso, null, "DENY", null, Instant.now().minusSeconds(60));
        record(phone, mkt, "sms", "GRANT", notice, Instant.now().minusSeconds(120));
        record(phone, mkt, "sms", "WITHDRAW", null, Instant.now().minusSeconds(30));
        String id = subjectOf(phone);

        assertThat(prompts(id, "", mkt, perso)).isEmpty();
        assertThat(prompts(id, "?feature=" + perso, mkt, perso)).containsExactly(perso + "//DENIED");
        assertThat(prompts(id, "?feature=" + mkt, mkt, perso)).containsExactly(mkt + "/email/NEVER_ASKED",
                mkt + "/sms/WITHDRAWN");
    }

    @Test
    @DisplayName("NDSR-22e once the cooldown is over, a refused purpose may be asked again")
    void after_the_cooldown() {
        String perso = fx.purposeWithoutChannel("CONSENT");
        fx.notice(false, perso);
        String phone = Fixtures.phone();
        record(phone, perso, null, "DENY", null, Instant.now().minus(Duration.ofHours(49)));
        assertThat(prompts(subjectOf(phone), "", perso)).containsExactly(perso + "//DENIED");
    }

    @Test
    @DisplayName("PIPL-14b expired grants and grants outdated by a material notice are offered again, with the new notice")
    void expired_and_outdated() {
        String code = Fixtures.unique("short");
        Api.Response put = api.put("/api/v1/purposes/" + code, """
                {"name": {"zh-CN": "短期", "en": "Short"}, "legalBasis": "CONSENT", "validityDays": 1,
                 "retentionDays": 30, "dataCategories": ["phone"]}""");
        assertThat(put.status()).as(put.body()).isEqualTo(201);
        String perso = fx.purposeWithoutChannel("CONSENT");
        String v1 = fx.notice(false, code, perso);
        String phone = Fixtures.phone();
        record(phone, code, null, "GRANT", v1, Instant.now().minus(Duration.ofDays(2)));
        record(phone, perso, null, "GRANT", v1, Instant.now().minus(Duration.ofDays(2)));
        String id = subjectOf(phone);
        assertThat(prompts(id, "", code, perso)).containsExactly(code + "//EXPIRED");

        String v2 = fx.notice(true, perso);
        assertThat(prompts(id, "", perso)).containsExactly(perso + "//NOTICE_OUTDATED");
        for (JsonNode p : api.get("/api/v1/subjects/" + id + "/prompts").json().get("prompts")) {
            if (p.get("purpose").asString().equals(perso)) {
                assertThat(p.get("noticeVersion").asString()).isEqualTo(v2);
            }
        }
    }

    @Test
    @DisplayName("PIPL-31a the prompts say when a guardian must answer; unknown subjects are 404; it needs subject:read")
    void minors_unknown_subjects_and_scope() {
        String phone = Fixtures.phone();
        Api.Response r = api.post("/api/v1/subjects", "{\"identifiers\": [{\"type\": \"phone\", \"value\": \"" + phone
                + "\"}], \"profile\": {\"birthDate\": \"" + java.time.LocalDate.now().minusYears(10) + "\"}}");
        String id = r.json().get("subjectId").asString();
        assertThat(api.get("/api/v1/subjects/" + id + "/prompts").json().get("guardianRequired").asBoolean()).isTrue();
        assertThat(api.get("/api/v1/subjects/sub_unknown/prompts").status()).isEqualTo(404);
        String key = api.post("/api/v1/api-keys", "{\"name\": \"" + Fixtures.unique("p") + "\", \"scopes\": [\"decision:read\"]}")
                .json().get("key").asString();
        assertThat(api.as(key).get("/api/v1/subjects/" + id + "/prompts").status()).isEqualTo(403);
    }
}
