package com.consento.campaigns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.consento.testing.Api;
import com.consento.testing.Fixtures;
import com.consento.testing.IntegrationTest;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

@IntegrationTest
class CampaignApiIT {
    static final long HOUR = 3_600_000L;
    static final long DAY = 24 * HOUR;
    @LocalServerPort
    int port;
    Api api;
    Fixtures fx;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        fx = new Fixtures(api);
    }

    private String person(String phone, String city, LocalDate birthDate) {
        Api.Response created = api.post("/api/v1/subjects", """
                {"identifiers": [{"type": "phone", "value": "%s"}],
                 "profile": {"city": "%s", "tier": "gold", "birthDate": "%s"}}""".formatted(phone, city, birthDate));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.json().get("subjectId").asString();
        order(id, Instant.now().minus(30, ChronoUnit.DAYS).toEpochMilli(), 1, "1.00");
        return id;
    }

    private void order(String subject, long placedAt, int quantity, String unitPrice) {
        Api.Response r = api.post("/api/v1/orders", """
                {"orderId": "%s", "subject": "%s", "placedAt": "%s",
                 "lines": [{"sku": "SKU-9", "quantity": %d, "unitPrice": %s, "category": "kitchen"}]}"""
                .formatted(Fixtures.unique("ord"), subject, Instant.ofEpochMilli(placedAt), quantity, unitPrice));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
    }

    private void event(String phone, String purpose, String notice, String action) {
        Api.Response r = fx.event(phone, purpose, "sms", action, notice, Instant.now().minusSeconds(2));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
    }

    private String campaign(String type, String purpose, String rule, int controlPercent, String text) {
        Api.Response r = api.post("/api/v1/campaigns", """
                {"name": "会员日", "type": "%s", "purpose": "%s", "channel": "sms", "audience": {"rule": %s},
                 "controlPercent": %d, "costPerMessage": 0.05, "template": {"text": "%s"}}"""
                .formatted(type, purpose, rule, controlPercent, text));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("id").asString();
    }

    @Test
    @DisplayName("CPL-29 a launch re-checks consent and the report's conversions, revenue, ROI and uplift match a hand computation")
    void launch_and_report() {
        String purpose = fx.marketingPurpose(0);
        String notice = fx.notice(false, purpose);
        String city = Fixtures.unique("city");
        List<String> phones = new ArrayList<>();
        Map<String, String> idOf = new HashMap<>();
        for (int i = 0; i < 20; i++) {
            String phone = Fixtures.phone();
            phones.add(phone);
            idOf.put(phone, person(phone, city, LocalDate.of(1985, 1, 1)));
        }
        for (int i = 0; i < 19; i++) {
            event(phones.get(i), purpose, notice, "GRANT");
        }
        event(phones.get(18), purpose, notice, "WITHDRAW");          // withdrawn; phone 19 was never asked
        String id = campaign("CUSTOM", purpose, "{\"attr\": \"city\", \"op\": \"eq\", \"value\": \"" + city + "\"}",
                30, "【示例零售】会员日全场8折，回复TD退订");

        JsonNode launch = api.post("/api/v1/campaigns/" + id + "/launch", "").json();
        int sent = launch.get("sent").asInt();
        int control = launch.get("control").asInt();
        assertThat(launch.get("suppressed").asInt()).isEqualTo(2);
        assertThat(sent + control).isEqualTo(18);
        assertThat(sent).isPositive();
        assertThat(control).isPositive();

        List<String> treated = new ArrayList<>();
        List<String> held = new ArrayList<>();
        long sentAt = 0;
        for (JsonNode s : api.get("/api/v1/campaigns/" + id + "/sends").json().get("sends")) {
            String status = s.get("status").asString();
            (status.equals("SENT") ? treated : status.equals("CONTROL") ? held : new ArrayList<String>())
                    .add(s.get("subjectId").asString());
            sentAt = s.get("at").asLong();
        }
        String t1 = treated.get(0);
        String c1 = held.get(0);
        order(t1, sentAt + HOUR, 2, "19.90");             // 39.80, converts
        order(t1, sentAt + 8 * DAY, 1, "100.00");         // after the 7-day window
        order(t1, sentAt - DAY, 1, "50.00");              // before the send
        if (treated.size() > 1) {
            order(treated.get(1), sentAt + 3 * DAY, 1, "99.00"); // converts
        }
        order(c1, sentAt + 2 * DAY, 3, "10.00");          // the control group converts too
        order(idOf.get(phones.get(18)), sentAt + DAY, 1, "10.00"); // suppressed: not attributed

        JsonNode r = api.get("/api/v1/campaigns/" + id + "/report").json();
        int conversions = treated.size() > 1 ? 2 : 1;
        double revenue = treated.size() > 1 ? 138.80 : 39.80;
        double cost = sent * 0.05;
        assertThat(r.get("sent").asInt()).isEqualTo(sent);
        assertThat(r.get("control").asInt()).isEqualTo(control);
        assertThat(r.get("suppressed").asInt()).isEqualTo(2);
        assertThat(r.get("conversions").asInt()).isEqualTo(conversions);
        assertThat(r.get("revenue").asDouble()).isCloseTo(revenue, within(1e-9));
        assertThat(r.get("cost").asDouble()).isCloseTo(cost, within(1e-9));
        assertThat(r.get("roi").asDouble()).isCloseTo((revenue - cost) / cost, within(1e-9));
        assertThat(r.get("conversionRate").asDouble()).isCloseTo(conversions / (double) sent, within(1e-12));
        assertThat(r.get("controlConversions").asInt()).isEqualTo(1);
        assertThat(r.get("controlConversionRate").asDouble()).isCloseTo(1.0 / control, within(1e-12));
        assertThat(r.get("uplift").asDouble()).isCloseTo(conversions / (double) sent - 1.0 / control, within(1e-12));
        assertThat(r.get("avoidedWithoutConsent").asInt()).isEqualTo(2);
        assertThat(r.get("suppressedByReason").get("WITHDRAWN").asInt()).isEqualTo(1);
        assertThat(r.get("suppressedByReason").get("NO_CONSENT").asInt()).isEqualTo(1);

        // a second launch: the campaign cap (one message a person) stops every repeat; control stays control
        JsonNode again = api.post("/api/v1/campaigns/" + id + "/launch", "").json();
        assertThat(again.get("sent").asInt()).isZero();
        assertThat(again.get("control").asInt()).isEqualTo(control);
        assertThat(again.get("suppressedByReason").get("CAMPAIGN_CAP").asInt()).isEqualTo(sent);

        // the weekly cap counts the messages this campaign sent
        JsonNode preview = api.post("/api/v1/audiences/preview", """
                {"purpose": "%s", "channel": "sms", "rule": {"attr": "city", "op": "eq", "value": "%s"},
                 "frequencyCap": {"perWeek": 1}}""".formatted(purpose, city)).json();
        assertThat(preview.get("excludedByFrequencyCap").asInt()).isEqualTo(sent);
        assertThat(preview.get("count").asInt()).isEqualTo(18 - sent);
    }

    @Test
    @DisplayName("CPL-29 SMS-18 a template without an opt-out or without the sender is refused with 422")
    void non_compliant_templates_are_refused() {
        String purpose = fx.marketingPurpose(0);
        String noOptOut = """
                {"name": "x", "type": "FLASH_SALE", "purpose": "%s", "channel": "sms",
                 "template": {"text": "【示例零售】限时抢购"}}""".formatted(purpose);
        Api.Response r = api.post("/api/v1/campaigns", noOptOut);
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.body()).contains("CPL-29").contains("/template/text");
        Api.Response email = api.post("/api/v1/campaigns", """
                {"name": "x", "type": "FLASH_SALE", "purpose": "%s", "channel": "email",
                 "template": {"text": "【示例零售】限时抢购 回复TD退订"}}""".formatted(purpose));
        assertThat(email.status()).isEqualTo(422);
        Api.Response noSender = api.post("/api/v1/campaigns", """
                {"name": "x", "type": "FLASH_SALE", "purpose": "%s", "channel": "sms",
                 "template": {"text": "限时抢购 回复TD退订"}}""".formatted(purpose));
        assertThat(noSender.status()).isEqualTo(422);
    }

    @Test
    @DisplayName("a birthday campaign reaches only those born in the month it is sent")
    void birthday_prefills_the_birth_month() {
        String purpose = fx.marketingPurpose(0);
        String notice = fx.notice(false, purpose);
        String city = Fixtures.unique("city");
        LocalDate thisMonth = LocalDate.now(ZoneOffset.UTC).withDayOfMonth(1).minusYears(30);
        for (LocalDate born : List.of(thisMonth, thisMonth.plusDays(1), thisMonth.minusMonths(1))) {
            String phone = Fixtures.phone();
            person(phone, city, born);
            event(phone, purpose, notice, "GRANT");
        }
        String id = campaign("BIRTHDAY", purpose, "{\"attr\": \"city\", \"op\": \"eq\", \"value\": \"" + city + "\"}",
                0, "【示例零售】生日快乐，赠您生日礼券，回复TD退订");
        JsonNode launch = api.post("/api/v1/campaigns/" + id + "/launch", "").json();
        assertThat(launch.get("sent").asInt()).isEqualTo(2);
        assertThat(launch.get("suppressed").asInt()).isZero();
        assertThat(launch.get("control").asInt()).isZero();
    }
}
