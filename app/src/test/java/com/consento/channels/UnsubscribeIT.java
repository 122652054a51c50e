package com.consento.channels;

import static org.assertj.core.api.Assertions.assertThat;

import com.consento.identity.KeyVault;
import com.consento.identity.LinkTokens;
import com.consento.testing.Api;
import com.consento.testing.Fixtures;
import com.consento.testing.IntegrationTest;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

@IntegrationTest
class UnsubscribeIT {
    private static final String FORM = "application/x-www-form-urlencoded";
    private static final String ONE_CLICK = "List-Unsubscribe=One-Click";
    @LocalServerPort
    int port;
    @Autowired
    KeyVault vault;
    Api api;
    Api anonymous;
    Fixtures fx;
    Instant now;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        anonymous = api.as(null);
        fx = new Fixtures(api);
        now = Instant.now().minusSeconds(60).truncatedTo(ChronoUnit.MILLIS);
    }

    record Subscriber(String phone, String subjectId, String marketing, String newsletter) {
    }

    /** A person who granted two purposes by e-mail and one by SMS. */
    private Subscriber subscriber() {
        String marketing = fx.marketingPurpose(0);
        String newsletter = fx.marketingPurpose(0);
        String notice = fx.notice(false, marketing, newsletter);
        String phone = Fixtures.phone();
        String id = fx.event(phone, marketing, "email", "GRANT", notice, now.minusSeconds(30)).json().get("receipts").get(0)
                .get("subjectId").asString();
        fx.event(phone, newsletter, "email", "GRANT", notice, now.minusSeconds(30));
        fx.event(phone, marketing, "sms", "GRANT", notice, now.minusSeconds(30));
        return new Subscriber(phone, id, marketing, newsletter);
    }

    private static String path(String url) {
        return URI.create(url).getRawPath();
    }

    private List<JsonNode> history(String subjectId) {
        List<JsonNode> events = new ArrayList<>();
        api.get("/api/v1/subjects/" + subjectId + "/consent-events").json().get("events").forEach(events::add);
        return events;
    }

    @Test
    @DisplayName("RFC-8058 the link comes with the List-Unsubscribe headers, signed and expiring in 90 days")
    void link_with_headers() {
        Subscriber s = subscriber();
        Api.Response r = api.get("/api/v1/subjects/" + s.subjectId() + "/unsubscribe-link?channel=email");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonNode link = r.json();
        String url = link.get("url").asString();
        assertThat(url).startsWith("http://").endsWith("/unsubscribe/" + link.get("token").asString());
        assertThat(link.get("headers").get("List-Unsubscribe").asString()).isEqualTo("<" + url + ">");
        assertThat(link.get("headers").get("List-Unsubscribe-Post").asString()).isEqualTo(ONE_CLICK);
        assertThat(link.get("channel").asString()).isEqualTo("email");
        assertThat(Instant.parse(link.get("expiresAt").asString()))
                .isBetween(Instant.now().plus(Duration.ofDays(89)), Instant.now().plus(Duration.ofDays(91)));
        assertThat(api.get("/api/v1/subjects/" + s.subjectId() + "/unsubscribe-link").json().get("channel").asString())
                .isEqualTo("email");
    }

    @Test
    @DisplayName("RFC-8058 one-click POST without login withdraws every e-mail consent, and only e-mail")
    void one_click_withdraws_email_only() {
        Subscriber s = subscriber();
        String url = api.get("/api/v1/subjects/" + s.subjectId() + "/unsubscribe-link?channel=email").json().get("url")
                .asString();
        Api.Response r = anonymous.raw("POST", path(url), FORM, ONE_CLICK);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.contentType()).startsWith("text/html");
        assertThat(r.body()).contains("data-state=\"done\"");

        assertThat(fx.decision(s.phone(), s.marketing(), "email")).isEqualTo("WITHDRAWN");
        assertThat(fx.decision(s.phone(), s.newsletter(), "email")).isEqualTo("WITHDRAWN");
        assertThat(fx.decision(s.phone(), s.marketing(), "sms")).isEqualTo("GRANTED");
        List<JsonNode> withdrawals = history(s.subjectId()).stream()
                .filter(e -> e.get("action").asString().equals("WITHDRAW")).toList();
        assertThat(withdrawals).hasSize(2).allSatisfy(e -> {
            assertThat(e.get("touchpoint").asString()).isEqualTo("EMAIL");
            assertThat(e.get("channel").asString()).isEqualTo("email");
            assertThat(e.get("evidence").get("method").asString()).isEqualTo("one-click");
        });

        // a second click (or a provider's retry) finds nothing left to withdraw and still answers 200
        assertThat(anonymous.raw("POST", path(url), FORM, ONE_CLICK).status()).isEqualTo(200);
        assertThat(history(s.subjectId())).hasSize(5);
    }

    @Test
    @DisplayName("RFC-8058 GET shows a confirmation page (zh-CN, en with ?lang=en) and changes nothing; its button POSTs")
    void confirmation_page() {
        Subscriber s = subscriber();
        String url = api.get("/api/v1/subjects/" + s.subjectId() + "/unsubscribe-link?channel=email").json().get("url")
                .asString();
        Api.Response zh = anonymous.get(path(url));
        assertThat(zh.status()).isEqualTo(200);
        assertThat(zh.body()).contains("lang=\"zh-CN\"").contains("退订电子邮件营销信息").contains("营销信息")
                .contains("data-action=\"unsubscribe\"").contains("method=\"post\"")
                .contains("name=\"List-Unsubscribe\" value=\"One-Click\"");
        Api.Response en = anonymous.get(path(url) + "?lang=en");
        assertThat(en.body()).contains("lang=\"en\"").contains("Unsubscribe from e-mail marketing")
                .contains("Marketing messages");
        assertThat(fx.decision(s.phone(), s.marketing(), "email")).isEqualTo("GRANTED");

        Api.Response viaPage = anonymous.raw("POST", path(url), FORM, ONE_CLICK + "&via=page");
        assertThat(viaPage.body()).contains("已退订");
        assertThat(fx.decision(s.phone(), s.marketing(), "email")).isEqualTo("WITHDRAWN");
        assertThat(history(s.subjectId()).stream().filter(e -> e.get("action").asString().equals("WITHDRAW")))
                .allSatisfy(e -> assertThat(e.get("evidence").get("method").asString()).isEqualTo("unsubscribe-page"));
    }

    @Test
    @DisplayName("RFC-8058 a tampered, expired or foreign token shows a 404 page and changes nothing")
    void bad_tokens_change_nothing() {
        Subscriber s = subscriber();
        String token = api.get("/api/v1/subjects/" + s.subjectId() + "/unsubscribe-link?channel=email").json()
                .get("token").asString();
        String tampered = token.substring(0, token.length() - 2) + (token.endsWith("A") ? "BB" : "AA");
        LinkTokens past = new LinkTokens(vault, Clock.offset(Clock.systemUTC(), Duration.ofDays(-91)));
        String expired = past.issue("unsubscribe", s.subjectId(), "email", Duration.ofDays(90));
        String preferences = new LinkTokens(vault, Clock.systemUTC()).issue("preferences", s.subjectId(), "email",
                Duration.ofDays(1));
        for (String bad : List.of(tampered, expired, preferences, "nonsense", "a.b")) {
            Api.Response post = anonymous.raw("POST", "/unsubscribe/" + bad, FORM, ONE_CLICK);
            assertThat(post.status()).as(bad).isEqualTo(404);
            assertThat(post.body()).contains("data-state=\"invalid\"");
            assertThat(anonymous.get("/unsubscribe/" + bad).status()).isEqualTo(404);
        }
        assertThat(fx.decision(s.phone(), s.marketing(), "email")).isEqualTo("GRANTED");
        assertThat(history(s.subjectId())).hasSize(3);
    }

    @Test
    @DisplayName("RFC-8058 a link for another channel withdraws that channel only")
    void link_for_sms() {
        Subscriber s = subscriber();
        String url = api.get("/api/v1/subjects/" + s.subjectId() + "/unsubscribe-link?channel=sms").json().get("url")
                .asString();
        assertThat(anonymous.raw("POST", path(url), FORM, ONE_CLICK).status()).isEqualTo(200);
        assertThat(fx.decision(s.phone(), s.marketing(), "sms")).isEqualTo("WITHDRAWN");
        assertThat(fx.decision(s.phone(), s.marketing(), "email")).isEqualTo("GRANTED");
    }

    @Test
    @DisplayName("RFC-8058 links: unknown subject 404, unknown channel 422, scopes subject:read or campaign")
    void link_errors_and_scopes() {
        Subscriber s = subscriber();
        assertThat(api.get("/api/v1/subjects/sub_nobody/unsubscribe-link?channel=email").status()).isEqualTo(404);
        assertThat(api.get("/api/v1/subjects/" + s.subjectId() + "/unsubscribe-link?channel=fax").status()).isEqualTo(422);
        assertThat(anonymous.get("/api/v1/subjects/" + s.subjectId() + "/unsubscribe-link").status()).isEqualTo(401);
        for (String scope : List.of("subject:read", "campaign")) {
            String key = api.post("/api/v1/api-keys", "{\"name\": \"mailer\", \"scopes\": [\"" + scope + "\"]}").json()
                    .get("key").asString();
            assertThat(api.as(key).get("/api/v1/subjects/" + s.subjectId() + "/unsubscribe-link").status())
                    .as(scope).isEqualTo(200);
        }
        String reader = api.post("/api/v1/api-keys", "{\"name\": \"r\", \"scopes\": [\"decision:read\"]}").json()
                .get("key").asString();
        assertThat(api.as(reader).get("/api/v1/subjects/" + s.subjectId() + "/unsubscribe-link").status())
                .isEqualTo(403);
    }
}
