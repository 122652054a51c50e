package com.consento.signals;

import static org.assertj.core.api.Assertions.assertThat;

import com.consento.testing.Api;
import com.consento.testing.Fixtures;
import com.consento.testing.IntegrationTest;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

@IntegrationTest
class SignalApiIT {
    @LocalServerPort
    int port;
    @Autowired
    OrderImporter importer;
    Api api;
    Fixtures fx;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        fx = new Fixtures(api);
    }

    private String orderJson(String orderId, String subject) {
        return """
                {"orderId": "%s", "subject": "%s", "placedAt": "%s",
                 "lines": [{"sku": "A-1", "quantity": 2, "unitPrice": 9.9, "category": "toys"},
                           {"sku": "B-2", "quantity": 1, "unitPrice": 30, "category": "kitchen"}]}"""
                .formatted(orderId, subject, Instant.now().minusSeconds(60));
    }

    @Test
    @DisplayName("an order is idempotent by its id and updates the buyer's attributes")
    void order_is_idempotent() {
        String phone = Fixtures.phone();
        String orderId = Fixtures.unique("order");
        Api.Response first = api.post("/api/v1/orders", orderJson(orderId, "phone:" + phone));
        assertThat(first.status()).as(first.body()).isEqualTo(201);
        String subject = first.json().get("subjectId").asString();
        Api.Response again = api.post("/api/v1/orders", orderJson(orderId, "phone:" + phone));
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().get("created").asBoolean()).isFalse();
        JsonNode attributes = api.get("/api/v1/subjects/" + subject + "/attributes").json().get("attributes");
        assertThat(attributes.get("orders").asInt()).isEqualTo(1);
        assertThat(attributes.get("totalSpend").decimalValue()).isEqualByComparingTo("49.8");
        assertThat(attributes.get("topCategory").asString()).isEqualTo("kitchen");
        assertThat(attributes.get("daysSinceLastOrder").asInt()).isZero();
        assertThat(attributes.get("rfm").asString()).isEqualTo("new");
    }

    @Test
    @DisplayName("an order with a line of quantity 0 is refused with a pointer")
    void invalid_order() {
        Api.Response r = api.post("/api/v1/orders", """
                {"orderId": "x1", "subject": "phone:%s", "lines": [{"sku": "A", "quantity": 0, "unitPrice": 1}]}"""
                .formatted(Fixtures.phone()));
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.body()).contains("/lines/0/quantity");
    }

    @Test
    @DisplayName("NDSR-22d browsing is kept only when the decision for browsing_history allows")
    void browsing_needs_consent() {
        Api.Response defined = api.put("/api/v1/purposes/browsing_history", """
                {"name": {"zh-CN": "浏览记录", "en": "Browsing history"}, "legalBasis": "CONSENT", "validityDays": 0,
                 "retentionDays": 180, "dataCategories": ["browsing_history"]}""");
        assertThat(defined.status()).isIn(200, 201);
        String notice = fx.notice(false, "browsing_history");
        String phone = Fixtures.phone();
        api.post("/api/v1/orders", orderJson(Fixtures.unique("order"), "phone:" + phone));
        String browse = """
                {"subject": "phone:%s", "sku": "A-1", "category": "toys", "occurredAt": "%s"}"""
                .formatted(phone, Instant.now());
        Api.Response refused = api.post("/api/v1/events/browse", browse);
        assertThat(refused.status()).isEqualTo(202);
        assertThat(refused.json().get("stored").asBoolean()).isFalse();
        assertThat(refused.json().get("reason").asString()).isEqualTo("NO_CONSENT");

        assertThat(fx.event(phone, "browsing_history", null, "GRANT", notice, Instant.now().minusSeconds(1)).status())
                .isEqualTo(201);
        Api.Response kept = api.post("/api/v1/events/browse", browse);
        assertThat(kept.status()).as(kept.body()).isEqualTo(201);
        assertThat(kept.json().get("stored").asBoolean()).isTrue();
    }

    @Test
    @DisplayName("the Online Retail importer maps customers to member OR-<id>, skips guests and cancellations, and is idempotent")
    void imports_online_retail_csv() throws Exception {
        long customer = 900_000_000L + ThreadLocalRandom.current().nextInt(99_000_000);
        String invoice = Long.toString(customer);
        String csv = String.join("\n",
                "InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country",
                invoice + "1,85123A,\"WHITE HANGING HEART T-LIGHT HOLDER, LARGE\",6,2010-12-01 08:26:00,2.55," + customer + ".0,United Kingdom",
                invoice + "1,71053,WHITE METAL LANTERN,2,2010-12-01 08:26:00,3.39," + customer + ".0,United Kingdom",
                invoice + "2,22633,HAND WARMER UNION JACK,1,2010-12-02 09:00:00,1.85," + customer + ".0,United Kingdom",
                "C" + invoice + "3,22633,HAND WARMER UNION JACK,-1,2010-12-03 09:00:00,1.85," + customer + ".0,United Kingdom",
                invoice + "4,22633,HAND WARMER UNION JACK,5,2010-12-03 09:00:00,1.85,,United Kingdom") + "\n";
        OrderImporter.Result first = importer.importCsv(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)));
        assertThat(first).isEqualTo(new OrderImporter.Result(2, 0, 2, 1));
        OrderImporter.Result again = importer.importCsv(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)));
        assertThat(again.imported()).isZero();
        assertThat(again.alreadyPresent()).isEqualTo(2);

        String subject = api.get("/api/v1/subjects/lookup?type=member&value=OR-" + customer).json().get("subjectId")
                .asString();
        JsonNode attributes = api.get("/api/v1/subjects/" + subject + "/attributes").json().get("attributes");
        assertThat(attributes.get("orders").asInt()).isEqualTo(2);
        assertThat(attributes.get("totalSpend").decimalValue()).isEqualByComparingTo("23.93");
        assertThat(attributes.get("topCategory").asString()).isEqualTo("lighting");
    }
}
