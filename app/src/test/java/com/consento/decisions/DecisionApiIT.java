package com.consento.decisions;

import static org.assertj.core.api.Assertions.assertThat;

import com.consento.testing.Api;
import com.consento.testing.Fixtures;
import com.consento.testing.IntegrationTest;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

@IntegrationTest
class DecisionApiIT {
    @LocalServerPort
    int port;
    Api api;
    Fixtures fx;
    Instant now;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        fx = new Fixtures(api);
        now = Instant.now().minusSeconds(60).truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
    }

    @Test
    @DisplayName("PIPL-13a PIPL-16 a contract purpose is allowed with NOT_REQUIRED even after refusals elsewhere")
    void contract_purpose_not_required() {
        String contract = fx.purposeWithoutChannel("CONTRACT");
        String marketing = fx.marketingPurpose(0);
        String notice = fx.notice(false, marketing);
        String phone = Fixtures.phone();
        fx.event(phone, marketing, "sms", "DENY", notice, now);
        assertThat(fx.decision(phone, marketing, "sms")).isEqualTo("DENIED");
        JsonNode d = api.get("/api/v1/decisions?subject=phone:" + phone.replace("+", "%2B") + "&purpose=" + contract).json();
        assertThat(d.get("allowed").asBoolean()).isTrue();
        assertThat(d.get("reason").asString()).isEqualTo("NOT_REQUIRED");
    }

    @Test
    @DisplayName("NDSR-22d an unknown purpose denies with UNKNOWN_PURPOSE, an unknown subject with UNKNOWN_SUBJECT")
    void unknown_purpose_and_subject() {
        String marketing = fx.marketingPurpose(0);
        assertThat(fx.decision(Fixtures.phone(), "no_such_purpose", "sms")).isEqualTo("UNKNOWN_PURPOSE");
        assertThat(fx.decision(Fixtures.phone(), marketing, "sms")).isEqualTo("UNKNOWN_SUBJECT");
        assertThat(api.get("/api/v1/decisions?subject=sub_zz_deadbeef&purpose=" + marketing + "&channel=sms").json()
                .get("reason").asString()).isEqualTo("UNKNOWN_SUBJECT");
    }

    @Test
    @DisplayName("a grant older than the purpose's validity period is EXPIRED")
    void expired_grant() {
        String marketing = fx.marketingPurpose(1);
        String notice = fx.notice(false, marketing);
        String phone = Fixtures.phone();
        fx.event(phone, marketing, "sms", "GRANT", notice, now.minusSeconds(2 * 86_400));
        assertThat(fx.decision(phone, marketing, "sms")).isEqualTo("EXPIRED");
    }

    @Test
    @DisplayName("PIPL-14b a material notice outdates earlier grants until the person consents again")
    void material_notice_outdates_until_reconsent() {
        String marketing = fx.marketingPurpose(0);
        String other = fx.marketingPurpose(0);
        String v1 = fx.notice(false, marketing, other);
        String phone = Fixtures.phone();
        fx.event(phone, marketing, "sms", "GRANT", v1, now);
        fx.event(phone, other, "sms", "GRANT", v1, now);
        String v2 = fx.notice(true, marketing);
        assertThat(fx.decision(phone, marketing, "sms")).isEqualTo("NOTICE_OUTDATED");
        assertThat(fx.decision(phone, other, "sms")).as("a purpose the new notice does not cover keeps its grant")
                .isEqualTo("GRANTED");
        fx.event(phone, marketing, "sms", "GRANT", v2, Instant.now());
        assertThat(fx.decision(phone, marketing, "sms")).isEqualTo("GRANTED");
    }

    @Test
    @DisplayName("PIPL-14b a non-material notice outdates nothing")
    void non_material_notice_only_notifies() {
        String marketing = fx.marketingPurpose(0);
        String v1 = fx.notice(false, marketing);
        String phone = Fixtures.phone();
        fx.event(phone, marketing, "sms", "GRANT", v1, now);
        fx.notice(false, marketing);
        assertThat(fx.decision(phone, marketing, "sms")).isEqualTo("GRANTED");
    }

    @Test
    @DisplayName("PIPL-31a an under-14 needs a guardian: the child's own grant denies, the guardian's allows")
    void minor_needs_guardian() {
        String personalisation = fx.purposeWithoutChannel("CONSENT");
        String notice = fx.notice(false, personalisation);
        String phone = Fixtures.phone();
        String birth = LocalDate.now(ZoneOffset.UTC).minusYears(10).toString();
        JsonNode created = api.post("/api/v1/subjects", """
                {"identifiers": [{"type": "phone", "value": "%s"}], "profile": {"birthDate": "%s"}}"""
                .formatted(phone, birth)).json();
        String id = created.get("subjectId").asString();
        assertThat(fx.decision(phone, personalisation, null)).isEqualTo("MINOR_NEEDS_GUARDIAN");
        fx.event(phone, personalisation, null, "GRANT", notice, now);
        assertThat(fx.decision(phone, personalisation, null)).isEqualTo("MINOR_NEEDS_GUARDIAN");
        var r = api.post("/api/v1/consent-events", """
                {"events": [{"subject": {"id": "%s"}, "purpose": "%s", "action": "GRANT", "noticeVersion": "%s",
                  "touchpoint": "APP", "capturedAt": "%s",
                  "actor": {"type": "GUARDIAN", "relationship": "parent",
                            "identifiers": [{"type": "phone", "value": "%s"}]}}]}"""
                .formatted(id, personalisation, notice, Instant.now(), Fixtures.phone()));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        assertThat(fx.decision(phone, personalisation, null)).isEqualTo("GRANTED");
        JsonNode history = api.get("/api/v1/subjects/" + id + "/consent-events").json().get("events");
        assertThat(history.get(1).get("actorType").asString()).isEqualTo("GUARDIAN");
        assertThat(history.get(1).get("actor").get("relationship").asString()).isEqualTo("parent");
    }

    @Test
    @DisplayName("a guardian actor without identifiers is rejected (PIPL-14a)")
    void unverified_guardian_rejected() {
        String p = fx.purposeWithoutChannel("CONSENT");
        String notice = fx.notice(false, p);
        var r = api.post("/api/v1/consent-events", """
                {"events": [{"subject": {"identifiers": [{"type": "phone", "value": "%s"}]}, "purpose": "%s",
                  "action": "GRANT", "noticeVersion": "%s", "touchpoint": "APP", "capturedAt": "%s",
                  "actor": {"type": "GUARDIAN"}}]}""".formatted(Fixtures.phone(), p, notice, now));
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.body()).contains("/events/0/actor/identifiers").contains("/events/0/actor/relationship");
    }

    @Test
    @DisplayName("batch decisions answer in order, one result per check")
    void batch_in_order() {
        String marketing = fx.marketingPurpose(0);
        String notice = fx.notice(false, marketing);
        String a = Fixtures.phone();
        String b = Fixtures.phone();
        fx.event(a, marketing, "sms", "GRANT", notice, now);
        fx.event(b, marketing, "sms", "WITHDRAW", null, now);
        JsonNode results = api.post("/api/v1/decisions/batch", """
                {"checks": [{"subject": "phone:%s", "purpose": "%s", "channel": "sms"},
                            {"subject": "phone:%s", "purpose": "%s", "channel": "sms"},
                            {"subject": "phone:%s", "purpose": "%s", "channel": "email"}]}"""
                .formatted(a, marketing, b, marketing, a, marketing)).json().get("results");
        assertThat(results).hasSize(3);
        assertThat(results.get(0).get("reason").asString()).isEqualTo("GRANTED");
        assertThat(results.get(1).get("reason").asString()).isEqualTo("WITHDRAWN");
        assertThat(results.get(2).get("reason").asString()).isEqualTo("NO_CONSENT");
    }

    @Test
    @DisplayName("a bad batch is refused with a problem naming where: broken JSON 400, wrong types and missing fields 422")
    void bad_batches_name_where() {
        Api.Response broken = api.post("/api/v1/decisions/batch", "{\"checks\": [{\"subject\": \"x\", ");
        assertThat(broken.status()).isEqualTo(400);
        assertThat(broken.contentType()).startsWith("application/problem+json");
        assertThat(broken.json().get("errors").get(0).get("pointer").asString()).isEqualTo("/checks/0");

        Api.Response wrongType = api.post("/api/v1/decisions/batch", """
                {"checks": [{"subject": "phone:+8613800138000", "purpose": "p"}, {"subject": "s", "purpose": 7}]}""");
        assertThat(wrongType.status()).isEqualTo(422);
        assertThat(wrongType.json().get("errors").get(0).get("pointer").asString()).isEqualTo("/checks/1/purpose");

        Api.Response missing = api.post("/api/v1/decisions/batch", "{\"checks\": [{\"purpose\": \"p\"}]}");
        assertThat(missing.status()).isEqualTo(422);
        assertThat(missing.json().get("errors").get(0).get("pointer").asString()).isEqualTo("/checks/0");

        String many = "{\"checks\": [" + String.join(",", java.util.Collections.nCopies(10_001,
                "{\"subject\": \"s\", \"purpose\": \"p\"}")) + "]}";
        Api.Response tooMany = api.post("/api/v1/decisions/batch", many);
        assertThat(tooMany.status()).isEqualTo(422);
        assertThat(tooMany.json().get("errors").get(0).get("pointer").asString()).isEqualTo("/checks");

        assertThat(api.post("/api/v1/decisions/batch", "{\"checks\": []}").status()).isEqualTo(422);
        assertThat(api.post("/api/v1/decisions/batch", "[1, 2]").status()).isEqualTo(422);
    }
}
