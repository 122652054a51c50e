package com.consento.recommendations;

import static org.assertj.core.api.Assertions.assertThat;

import com.consento.identity.IdentityService;
import com.consento.testing.Api;
import com.consento.testing.Fixtures;
import com.consento.testing.IntegrationTest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The recommendation API against the real server and database: the consent gate, the non-personalised option,
 * labels and explanations, withdrawal, the person's view and deletion of their features, erasure, and browsing.
 * Every test uses its own subjects and skus; the model is retrained synchronously where a test needs it.
 */
@IntegrationTest
class RecommendationIT {
    private static final String PERSONALIZATION = "personalization";
    private static final String PURCHASES = "purchase_history";
    private static final String BROWSING = "browsing_history";

    @LocalServerPort
    int port;
    @Autowired
    RecommendationService service;
    @Autowired
    FeatureStore store;
    @Autowired
    FeatureRetention retention;
    @Autowired
    IdentityService identity;
    @Autowired
    ModelRegistry registry;
    Api api;
    Fixtures fx;
    String notice;
    /** Unique skus of this test: A is bought with B by the peers, C with D. */
    String a;
    String b;
    String c;
    String d;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        fx = new Fixtures(api);
        purpose(PERSONALIZATION, "个性化推荐", "Personalised recommendations", 365, "[\"purchase_history\"]");
        purpose(PURCHASES, "购买记录", "Purchase history", 730, "[\"purchase_history\"]");
        purpose(BROWSING, "浏览记录", "Browsing history", 180, "[\"browsing_history\"]");
        notice = fx.notice(false, PERSONALIZATION, PURCHASES, BROWSING);
        String p = Fixtures.unique("rk");
        a = p + "-A";
        b = p + "-B";
        c = p + "-C";
        d = p + "-D";
    }

    private void purpose(String code, String zh, String en, int retention, String categories) {
        Api.Response r = api.put("/api/v1/purposes/" + code, """
                {"name": {"zh-CN": "%s", "en": "%s"}, "legalBasis": "CONSENT", "validityDays": 0,
                 "retentionDays": %d, "dataCategories": %s}""".formatted(zh, en, retention, categories));
        assertThat(r.status()).as(r.body()).isIn(200, 201);
    }

    private void consent(String phone, String action, String... purposes) {
        for (String purpose : purposes) {
            Instant at = action.equals("GRANT") ? Instant.now().minusSeconds(30) : Instant.now();
            Api.Response r = fx.event(phone, purpose, null, action, notice, at);
            assertThat(r.status()).as(r.body()).isEqualTo(201);
        }
    }

    /** One order per sku, an hour apart, the first {@code skus.length} hours ago; returns the subject id. */
    private String buys(String phone, String... skus) {
        String subject = null;
        Instant start = Instant.now().minus(skus.length + 1, ChronoUnit.HOURS);
        for (int i = 0; i < skus.length; i++) {
            Api.Response r = api.post("/api/v1/orders", """
                    {"orderId": "%s", "subject": "phone:%s", "placedAt": "%s",
                     "lines": [{"sku": "%s", "quantity": 1, "unitPrice": 19.9, "category": "toys"}]}"""
                    .formatted(Fixtures.unique("ord"), phone, start.plus(i, ChronoUnit.HOURS), skus[i]));
            assertThat(r.status()).as(r.body()).isEqualTo(201);
            subject = r.json().get("subjectId").asString();
        }
        return subject;
    }

    /** Peers who allow their purchase history to train the model: four bought A then B, two C then D. */
    private void peers() {
        for (int i = 0; i < 6; i++) {
            String phone = Fixtures.phone();
            consent(phone, "GRANT", PURCHASES);
            if (i < 4) {
                buys(phone, a, b);
            } else {
                buys(phone, c, d);
            }
        }
    }

    /** A shopper who allows personalisation and purchase history and bought A. */
    private String[] shopperWhoBoughtA() {
        String phone = Fixtures.phone();
        consent(phone, "GRANT", PERSONALIZATION, PURCHASES);
        return new String[] {phone, buys(phone, a)};
    }

    private JsonNode recommend(String query, String... headers) {
        Api.Response r = headers.length == 0 ? api.get("/api/v1/recommendations?" + query)
                : api.raw("GET", "/api/v1/recommendations?" + query, null, null, headers);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    private static String ref(String phone) {
        return "phone:" + phone.replace("+", "%2B");
    }

    private JsonNode features(String subjectId) {
        Api.Response r = api.get("/api/v1/subjects/" + subjectId + "/recommendation-features");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    private static List<String> skus(JsonNode answer) {
        List<String> skus = new ArrayList<>();
        answer.get("items").forEach(i -> skus.add(i.get("sku").asString()));
        return skus;
    }

    private static JsonNode item(JsonNode answer, String sku) {
        for (JsonNode i : answer.get("items")) {
            if (i.get("sku").asString().equals(sku)) {
                return i;
            }
        }
        throw new AssertionError(sku + " not in " + answer);
    }

    @Test
    @DisplayName("PIPL-24b without consent the answer is the non-personalised list, with the decision's reason")
    void no_consent_is_non_personalised() {
        String phone = Fixtures.phone();
        String subject = buys(phone, a, b);
        service.retrainNow();
        JsonNode answer = recommend("subject=" + ref(phone) + "&limit=5");
        assertThat(answer.get("personalized").asBoolean()).isFalse();
        assertThat(answer.get("reason").asString()).isEqualTo("NO_CONSENT");
        assertThat(answer.has("label")).isFalse();
        assertThat(answer.get("items").size()).isBetween(1, 5);
        answer.get("items").forEach(i -> {
            assertThat(i.get("kind").asString()).isIn("popular", "trending", "new");
            assertThat(i.get("why").asString()).isIn("热销商品", "近期热销", "新品");
            assertThat(i.has("because")).isFalse();
        });
        assertThat(features(subject).get("held").asBoolean()).isFalse();

        // only purchase history allowed, not personalisation: still not personal
        consent(phone, "GRANT", PURCHASES);
        assertThat(recommend("subject=" + ref(phone)).get("reason").asString()).isEqualTo("NO_CONSENT");

        JsonNode unknown = recommend("subject=" + ref(Fixtures.phone()));
        assertThat(unknown.get("personalized").asBoolean()).isFalse();
        assertThat(unknown.get("reason").asString()).isEqualTo("UNKNOWN_SUBJECT");
    }

    @Test
    @DisplayName("GB-7.5 PIPL-24b with personalisation and purchase history granted the answer is personalised, "
            + "labelled, and says which purchase each item comes from, in the shopper's language")
    void consent_gives_labelled_explained_personal_list() {
        peers();
        String[] shopper = shopperWhoBoughtA();
        service.retrainNow();

        JsonNode zh = recommend("subject=" + ref(shopper[0]) + "&limit=5");
        assertThat(zh.get("personalized").asBoolean()).as(zh.toString()).isTrue();
        assertThat(zh.get("reason").asString()).isEqualTo("GRANTED");
        assertThat(zh.get("label").asString()).isEqualTo("个性化推荐");
        assertThat(zh.get("language").asString()).isEqualTo("zh-CN");
        assertThat(zh.get("subjectId").asString()).isEqualTo(shopper[1]);
        assertThat(zh.get("nonPersonalized").asString()).contains("personalized=false");
        assertThat(skus(zh)).doesNotContain(a).contains(b);
        JsonNode first = zh.get("items").get(0);
        assertThat(first.get("sku").asString()).isEqualTo(b);
        assertThat(first.get("kind").asString()).isEqualTo("personal");
        assertThat(first.get("because").asString()).isEqualTo(a);
        assertThat(first.get("why").asString()).isEqualTo("因为您购买了 " + a + "（玩具）");

        JsonNode en = recommend("subject=" + ref(shopper[0]) + "&limit=5", "Accept-Language", "en-GB,en;q=0.9");
        assertThat(en.get("label").asString()).isEqualTo("Personalised");
        assertThat(item(en, b).get("why").asString()).isEqualTo("Because you bought " + a + " (toys)");
        JsonNode byParameter = recommend("subject=" + ref(shopper[0]) + "&limit=5&lang=en", "Accept-Language", "zh-CN");
        assertThat(byParameter.get("language").asString()).isEqualTo("en");

        JsonNode held = features(shopper[1]);
        assertThat(held.get("held").asBoolean()).isTrue();
        assertThat(held.get("recentItems").get(0).get("sku").asString()).isEqualTo(a);
        assertThat(held.get("recentItems").get(0).get("signal").asString()).isEqualTo("purchase");
        assertThat(held.get("topCategories").get(0).get("category").asString()).isEqualTo("toys");
        assertThat(held.get("lastRecommendations").get(0).get("sku").asString()).isEqualTo(b);

        // the export carries the same derived data (PIPL-45a)
        JsonNode export = api.get("/api/v1/subjects/" + shopper[1] + "/export").json();
        assertThat(export.get("recommendationFeatures").get("recentItems").get(0).get("sku").asString()).isEqualTo(a);
    }

    @Test
    @DisplayName("PIPL-24b personalized=false gives the non-personalised list even with consent")
    void opt_out_per_request() {
        peers();
        String[] shopper = shopperWhoBoughtA();
        service.retrainNow();
        assertThat(recommend("subject=" + ref(shopper[0])).get("personalized").asBoolean()).isTrue();
        JsonNode out = recommend("subject=" + ref(shopper[0]) + "&personalized=false");
        assertThat(out.get("personalized").asBoolean()).isFalse();
        assertThat(out.get("reason").asString()).isEqualTo("OPTED_OUT");
        assertThat(out.has("label")).isFalse();
        out.get("items").forEach(i -> assertThat(i.get("kind").asString()).isNotEqualTo("personal"));
        assertThat(recommend("subject=" + ref(shopper[0])).get("personalized").asBoolean()).isTrue();
    }

    @Test
    @DisplayName("PIPL-24b NDSR-42 after a withdrawal the very next request is non-personalised and the derived "
            + "features are already gone")
    void withdrawal_stops_personalisation_and_purges_features() {
        peers();
        String[] shopper = shopperWhoBoughtA();
        service.retrainNow();
        assertThat(recommend("subject=" + ref(shopper[0])).get("personalized").asBoolean()).isTrue();
        assertThat(features(shopper[1]).get("held").asBoolean()).isTrue();

        consent(shopper[0], "WITHDRAW", PERSONALIZATION);

        JsonNode gone = features(shopper[1]);
        assertThat(gone.get("held").asBoolean()).isFalse();
        assertThat(gone.get("recentItems")).isEmpty();
        assertThat(gone.get("topCategories")).isEmpty();
        assertThat(gone.get("lastRecommendations")).isEmpty();
        JsonNode next = recommend("subject=" + ref(shopper[0]));
        assertThat(next.get("personalized").asBoolean()).isFalse();
        assertThat(next.get("reason").asString()).isEqualTo("WITHDRAWN");
        assertThat(features(shopper[1]).get("held").asBoolean()).isFalse();
    }

    @Test
    @DisplayName("NDSR-42 the person deletes their features; they are derived again only from later purchases")
    void person_deletes_features() {
        peers();
        String[] shopper = shopperWhoBoughtA();
        service.retrainNow();
        assertThat(recommend("subject=" + ref(shopper[0])).get("personalized").asBoolean()).isTrue();

        String reader = api.post("/api/v1/api-keys", "{\"name\": \"shop\", \"scopes\": [\"decision:read\"]}")
                .json().get("key").asString();
        assertThat(api.as(reader).delete("/api/v1/subjects/" + shopper[1] + "/recommendation-features").status())
                .isEqualTo(403);
        assertThat(api.as(reader).get("/api/v1/recommendations?subject=" + ref(shopper[0])).status()).isEqualTo(200);
        String writer = api.post("/api/v1/api-keys", "{\"name\": \"centre\", \"scopes\": [\"consent:write\"]}")
                .json().get("key").asString();
        Api.Response deleted = api.as(writer).delete("/api/v1/subjects/" + shopper[1] + "/recommendation-features");
        assertThat(deleted.status()).as(deleted.body()).isEqualTo(200);
        assertThat(deleted.json().get("deleted").asBoolean()).isTrue();

        JsonNode none = features(shopper[1]);
        assertThat(none.get("held").asBoolean()).isFalse();
        assertThat(none.get("recentItems")).isEmpty();
        assertThat(none.has("deletedAt")).isTrue();
        // purchases before the deletion no longer personalise anything
        JsonNode after = recommend("subject=" + ref(shopper[0]));
        assertThat(after.get("personalized").asBoolean()).isFalse();
        assertThat(after.get("reason").asString()).isEqualTo("NO_HISTORY");
        assertThat(features(shopper[1]).get("recentItems")).isEmpty();

        buys(shopper[0], c);
        JsonNode again = recommend("subject=" + ref(shopper[0]));
        assertThat(again.get("personalized").asBoolean()).isTrue();
        assertThat(item(again, d).get("because").asString()).isEqualTo(c);
        assertThat(features(shopper[1]).get("recentItems")).hasSize(1);
    }

    @Test
    @DisplayName("ECL-24 PIPL-45a erasure deletes the derived features with everything else")
    void erasure_removes_features() {
        peers();
        String[] shopper = shopperWhoBoughtA();
        service.retrainNow();
        assertThat(recommend("subject=" + ref(shopper[0])).get("personalized").asBoolean()).isTrue();
        int index = identity.indexOf(shopper[1]);
        assertThat(store.get(index)).isPresent();

        Api.Response erased = api.delete("/api/v1/subjects/" + shopper[1]);
        assertThat(erased.status()).as(erased.body()).isEqualTo(200);
        assertThat(erased.json().get("removed").get("recommendationFeatures").asInt()).isEqualTo(1);
        assertThat(store.get(index)).isEmpty();
        assertThat(api.get("/api/v1/subjects/" + shopper[1] + "/recommendation-features").status()).isEqualTo(404);
        JsonNode answer = recommend("subject=" + shopper[1]);
        assertThat(answer.get("personalized").asBoolean()).isFalse();
        assertThat(answer.get("reason").asString()).isEqualTo("SUBJECT_ERASED");
        assertThat(store.get(index)).isEmpty();
    }

    @Test
    @DisplayName("NDSR-22d browsing without consent is neither kept nor used; with consent it is, until withdrawn")
    void browsing_only_with_consent() {
        peers();
        String[] shopper = shopperWhoBoughtA();
        String browse = """
                {"subject": "phone:%s", "sku": "%s", "category": "toys"}""".formatted(shopper[0], c);
        Api.Response refused = api.post("/api/v1/events/browse", browse);
        assertThat(refused.status()).isEqualTo(202);
        assertThat(refused.json().get("stored").asBoolean()).isFalse();
        service.retrainNow();
        JsonNode without = recommend("subject=" + ref(shopper[0]));
        assertThat(without.get("personalized").asBoolean()).isTrue();
        without.get("items").forEach(i -> assertThat(i.path("because").asString("")).isNotEqualTo(c));
        JsonNode held = features(shopper[1]);
        assertThat(held.get("includesBrowsing").asBoolean()).isFalse();
        assertThat(held.get("recentItems")).hasSize(1);

        consent(shopper[0], "GRANT", BROWSING);
        Api.Response kept = api.post("/api/v1/events/browse", browse);
        assertThat(kept.status()).as(kept.body()).isEqualTo(201);
        JsonNode with = recommend("subject=" + ref(shopper[0]) + "&lang=en");
        JsonNode viewed = features(shopper[1]);
        assertThat(viewed.get("includesBrowsing").asBoolean()).isTrue();
        assertThat(viewed.get("recentItems").get(0).get("sku").asString()).isEqualTo(c);
        assertThat(viewed.get("recentItems").get(0).get("signal").asString()).isEqualTo("browse");
        assertThat(skus(with)).doesNotContain(c).contains(d);
        assertThat(item(with, d).get("why").asString()).isEqualTo("Because you viewed " + c + " (toys)");

        consent(shopper[0], "WITHDRAW", BROWSING);
        assertThat(features(shopper[1]).get("held").asBoolean()).isFalse();
        JsonNode withdrawn = recommend("subject=" + ref(shopper[0]));
        assertThat(withdrawn.get("personalized").asBoolean()).isTrue();
        withdrawn.get("items").forEach(i -> assertThat(i.path("because").asString("")).isNotEqualTo(c));
        assertThat(features(shopper[1]).get("recentItems")).hasSize(1);
    }

    @Test
    @DisplayName("NDSR-22d the model learns from browsing only of people whose browsing consent allows at training time")
    void model_uses_browsing_only_with_consent() {
        String allowed = Fixtures.unique("rk") + "-V";
        String withdrawn = Fixtures.unique("rk") + "-W";
        for (int i = 0; i < 6; i++) {
            String phone = Fixtures.phone();
            consent(phone, "GRANT", PURCHASES, BROWSING);
            buys(phone, i < 3 ? a : c);
            Api.Response kept = api.post("/api/v1/events/browse", """
                    {"subject": "phone:%s", "sku": "%s", "category": "toys"}""".formatted(phone, i < 3 ? allowed : withdrawn));
            assertThat(kept.status()).as(kept.body()).isEqualTo(201);
            if (i >= 3) {
                consent(phone, "WITHDRAW", BROWSING);
            }
        }
        service.retrainNow();
        JsonNode withConsent = recommend("context=" + a + "&limit=3");
        assertThat(item(withConsent, allowed).get("kind").asString()).isEqualTo("also_bought");
        recommend("context=" + c + "&limit=100").get("items").forEach(i -> assertThat(i.get("sku").asString())
                .isNotEqualTo(withdrawn));
        recommend("context=" + withdrawn).get("items").forEach(i -> assertThat(i.get("kind").asString())
                .isNotEqualTo("also_bought"));
    }

    @Test
    @DisplayName("PIPL-24b context=sku: customers who bought X also bought, for anyone, without consent")
    void item_to_item_without_consent() {
        peers();
        service.retrainNow();
        JsonNode answer = recommend("context=" + a + "&limit=3");
        assertThat(answer.get("personalized").asBoolean()).isFalse();
        assertThat(answer.get("reason").asString()).isEqualTo("ITEM_CONTEXT");
        JsonNode first = answer.get("items").get(0);
        assertThat(first.get("sku").asString()).isEqualTo(b);
        assertThat(first.get("kind").asString()).isEqualTo("also_bought");
        assertThat(first.get("why").asString()).isEqualTo("购买了 " + a + "（玩具） 的顾客也购买了");
        assertThat(skus(answer)).doesNotContain(a);
    }

    @Test
    @DisplayName("PIPL-47a the retention purge deletes features held for someone who no longer allows personalisation")
    void retention_purge() {
        String phone = Fixtures.phone();
        String subject = buys(phone, a);
        int index = identity.indexOf(subject);
        // features that outlived their purpose without any listener hearing of it (an expiry, an outdated notice)
        store.put(index, FeatureBuilder.build(List.of(), store.dictionary(), store.categories(), 10, false,
                System.currentTimeMillis(), 0));
        assertThat(retention.countPastRetention(System.currentTimeMillis())).isPositive();
        assertThat(retention.purge(System.currentTimeMillis())).isPositive();
        assertThat(store.get(index)).isEmpty();
        assertThat(retention.category()).isEqualTo("recommendation_features");
    }

    @Test
    @DisplayName("limits are checked, and the API needs a key with decision:read or subject:read")
    void validation_and_scopes() {
        assertThat(api.get("/api/v1/recommendations?subject=x&limit=0").status()).isEqualTo(422);
        assertThat(api.get("/api/v1/recommendations?subject=x&limit=101").status()).isEqualTo(422);
        assertThat(api.as(null).get("/api/v1/recommendations?subject=x").status()).isEqualTo(401);
        String campaign = api.post("/api/v1/api-keys", "{\"name\": \"c\", \"scopes\": [\"campaign\"]}")
                .json().get("key").asString();
        assertThat(api.as(campaign).get("/api/v1/recommendations?subject=x").status()).isEqualTo(403);
        String subjects = api.post("/api/v1/api-keys", "{\"name\": \"s\", \"scopes\": [\"subject:read\"]}")
                .json().get("key").asString();
        assertThat(api.as(subjects).get("/api/v1/recommendations?subject=x").status()).isEqualTo(200);
    }

    @Test
    @DisplayName("a personalised request over HTTP: latency figures for docs/bench-recommendations.md")
    void latency_over_http() {
        peers();
        String[] shopper = shopperWhoBoughtA();
        service.retrainNow();
        String path = "/api/v1/recommendations?subject=" + ref(shopper[0]) + "&limit=10";
        assertThat(api.get(path).json().get("personalized").asBoolean()).isTrue();
        long[] ping = timeRequests("/api/v1/ping");
        long[] personal = timeRequests(path);
        System.out.printf("RecommendationIT over HTTP, %d requests each, model of %d items: personalised "
                        + "recommendation p50 %.2f ms p99 %.2f ms; GET /api/v1/ping p50 %.2f ms p99 %.2f ms%n",
                personal.length, registry.model().map(TrainedModel::items).orElse(0), personal[personal.length / 2] / 1e6,
                personal[personal.length * 99 / 100] / 1e6, ping[ping.length / 2] / 1e6, ping[ping.length * 99 / 100] / 1e6);
    }

    /** Sorted durations of 2,000 sequential calls after 300 to warm up. */
    private long[] timeRequests(String path) {
        for (int i = 0; i < 300; i++) {
            api.get(path);
        }
        long[] nanos = new long[2_000];
        for (int i = 0; i < nanos.length; i++) {
            long start = System.nanoTime();
            Api.Response r = api.get(path);
            nanos[i] = System.nanoTime() - start;
            assertThat(r.status()).isEqualTo(200);
        }
        Arrays.sort(nanos);
        return nanos;
    }
}
