package com.consento.channels;

import static org.assertj.core.api.Assertions.assertThat;

import com.consento.testing.Api;
import com.consento.testing.Browser;
import com.consento.testing.Fixtures;
import com.consento.testing.IntegrationTest;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The web SDK in real headless Chromium, on a retailer's page served from another origin (so CORS is real): the
 * banner, accept, reject, separate-consent switches, GPC, consento.has() and the change events, each checked
 * against the decision API.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SdkBrowserIT {
    @LocalServerPort
    int port;
    Api api;
    Fixtures fx;
    WebDriver web;
    HttpServer shop;
    String shopOrigin;
    String personal;
    String marketing;
    String share;
    String ads;
    String key;

    @BeforeAll
    void start() throws Exception {
        api = new Api(port);
        fx = new Fixtures(api);
        personal = fx.purposeWithoutChannel("CONSENT");
        marketing = fx.marketingPurpose(0);
        share = separate("share." + Fixtures.unique("brand"), "[\"Brand Partner Co.\"]");
        ads = separate("ads." + Fixtures.unique("wx"), "[]");
        fx.notice(false, personal, marketing, share, ads);
        shop = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        shop.createContext("/blank", exchange -> {
            byte[] page = "<!DOCTYPE html><title>blank</title>".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, page.length);
            exchange.getResponseBody().write(page);
            exchange.close();
        });
        shop.createContext("/shop", exchange -> {
            byte[] page = shopPage(query(exchange.getRequestURI().getRawQuery())).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, page.length);
            exchange.getResponseBody().write(page);
            exchange.close();
        });
        shop.start();
        shopOrigin = "http://127.0.0.1:" + shop.getAddress().getPort();
        Api.Response issued = api.post("/api/v1/api-keys", "{\"name\": \"shop site\", \"scopes\": [\"consent:write\"], "
                + "\"allowedOrigins\": [\"" + shopOrigin + "\"]}");
        assertThat(issued.status()).as(issued.body()).isEqualTo(201);
        key = issued.json().get("key").asString();
        web = Browser.desktop();
    }

    @AfterAll
    void stop() {
        if (web != null) {
            web.quit();
        }
        if (shop != null) {
            shop.stop(0);
        }
    }

    /** Every test starts as a new visitor of the shop: nothing remembered on its origin. */
    @BeforeEach
    void freshVisitor() {
        web.get(shopOrigin + "/blank");
        js("localStorage.clear()");
    }

    private String separate(String code, String recipients) {
        Api.Response r = api.put("/api/v1/purposes/" + code, """
                {"name": {"zh-CN": "单独同意 %s", "en": "Separate %s"}, "legalBasis": "CONSENT", "separateConsent": true,
                 "piaId": "PIA-T-9", "recipients": %s, "validityDays": 0, "retentionDays": 30, "dataCategories": ["phone"]}"""
                .formatted(code, code, recipients));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return code;
    }

    /** A made-up retailer page on its own origin, with a gtag stub that remembers Consent Mode calls. */
    private String shopPage(Map<String, String> q) {
        String subject = q.containsKey("phone") ? "{phone: '" + q.get("phone") + "'}" : "undefined";
        return """
                <!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>Shop</title>
                <script>window.gtagCalls = []; window.gtag = function () { gtagCalls.push(Array.prototype.slice.call(arguments)); };</script>
                %s
                <script src="http://127.0.0.1:%d/sdk/consento.js"></script>
                <script>
                  window.changes = []; window.domChanges = 0; window.sdkReady = false;
                  document.addEventListener('consento:change', function () { domChanges++; });
                  consento.on('change', function (e) { changes.push(e.source); });
                  consento.on('ready', function () { sdkReady = true; });
                  consento.init({key: '%s', subject: %s, purposes: ['%s', '%s:email', '%s', '%s'],
                    consentMode: {analytics_storage: ['%s'], ad_storage: ['ads.*'], ad_user_data: ['ads.*'],
                                  ad_personalization: ['ads.*']}});
                </script></head><body><h1>Example shop</h1></body></html>"""
                .formatted("1".equals(q.get("gpc")) ? "<script>Object.defineProperty(Navigator.prototype, "
                                + "'globalPrivacyControl', {get: function () { return true; }, configurable: true});</script>" : "",
                        port, key, subject, personal, marketing, share, ads, personal);
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> q = new HashMap<>();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                if (eq <= 0) {
                    continue;
                }
                q.put(pair.substring(0, eq), java.net.URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return q;
    }

    private void open(String phone, boolean gpc) {
        web.get(shopOrigin + "/shop?" + (phone == null ? "" : "phone=" + URLEncoder.encode(phone, StandardCharsets.UTF_8))
                + (gpc ? "&gpc=1" : ""));
        await(() -> Boolean.TRUE.equals(js("return window.sdkReady")));
    }

    private Object js(String script, Object... args) {
        return ((JavascriptExecutor) web).executeScript(script, args);
    }

    private boolean has(String purpose, String channel) {
        return Boolean.TRUE.equals(js("return consento.has(arguments[0], arguments[1] || undefined)", purpose,
                channel == null ? "" : channel));
    }

    private void await(Supplier<Boolean> condition) {
        new WebDriverWait(web, Duration.ofSeconds(15)).until(d -> condition.get());
    }

    private WebElement banner() {
        return new WebDriverWait(web, Duration.ofSeconds(15))
                .until(ExpectedConditions.visibilityOfElementLocated(By.id("consento-banner")));
    }

    private void click(String css) {
        new WebDriverWait(web, Duration.ofSeconds(10)).until(ExpectedConditions.elementToBeClickable(By.cssSelector(css)))
                .click();
    }

    private boolean known(String phone) {
        return api.get("/api/v1/subjects/lookup?type=phone&value=" + phone.replace("+", "%2B")).status() == 200;
    }

    private List<JsonNode> history(String phone, String purpose) {
        String id = api.get("/api/v1/subjects/lookup?type=phone&value=" + phone.replace("+", "%2B")).json()
                .get("subjectId").asString();
        List<JsonNode> events = new ArrayList<>();
        api.get("/api/v1/subjects/" + id + "/consent-events").json().get("events").forEach(e -> {
            if (purpose == null || e.get("purpose").asString().equals(purpose)) {
                events.add(e);
            }
        });
        return events;
    }

    @Test
    @DisplayName("APP-III.4 the banner shows with nothing checked; opening and closing the settings records nothing")
    void banner_with_nothing_checked() {
        String phone = Fixtures.phone();
        open(phone, false);
        WebElement banner = banner();
        List<WebElement> buttons = banner.findElements(By.cssSelector("[data-action]"));
        assertThat(buttons).extracting(b -> b.getAttribute("data-action")).containsExactly("accept", "reject", "settings");
        // equally prominent: the same size and the same colours
        assertThat(buttons).extracting(b -> b.getCssValue("background-color")).containsOnly(buttons.get(0)
                .getCssValue("background-color"));
        assertThat(buttons).extracting(b -> b.getSize().getHeight()).containsOnly(buttons.get(0).getSize().getHeight());
        click("#consento-banner [data-action=settings]");
        List<WebElement> boxes = web.findElements(By.cssSelector("#consento-settings input[type=checkbox]"));
        assertThat(boxes).hasSize(4);
        assertThat(boxes).noneMatch(WebElement::isSelected);
        assertThat(web.findElements(By.cssSelector("#consento-settings [data-group=separate] input"))).extracting(
                b -> b.getAttribute("data-purpose")).containsExactlyInAnyOrder(share, ads);
        assertThat(web.findElement(By.cssSelector("#consento-settings input[data-purpose='" + marketing + "']"))
                .getAttribute("data-channel")).isEqualTo("email");
        click("#consento-settings [data-action=close]");
        assertThat(web.findElements(By.id("consento-settings"))).isEmpty();
        assertThat(known(phone)).isFalse();
        assertThat(has(personal, null)).isFalse();
    }

    @Test
    @DisplayName("PIPL-15a reject records DENY for every optional purpose in one act, as easily as accepting")
    void reject_records_deny() {
        String phone = Fixtures.phone();
        open(phone, false);
        banner();
        click("#consento-banner [data-action=reject]");
        await(() -> web.findElements(By.id("consento-banner")).isEmpty());
        assertThat(fx.decision(phone, personal, null)).isEqualTo("DENIED");
        assertThat(fx.decision(phone, marketing, "email")).isEqualTo("DENIED");
        assertThat(fx.decision(phone, share, null)).isEqualTo("DENIED");
        assertThat(fx.decision(phone, ads, null)).isEqualTo("DENIED");
        assertThat(has(personal, null)).isFalse();
        assertThat(history(phone, null)).allSatisfy(e -> {
            assertThat(e.get("touchpoint").asString()).isEqualTo("WEB");
            assertThat(e.get("evidence").get("method").asString()).isEqualTo("banner-reject");
        });
        web.navigate().refresh();
        await(() -> Boolean.TRUE.equals(js("return window.sdkReady")));
        assertThat(web.findElements(By.id("consento-banner"))).as("decided: no banner again").isEmpty();
    }

    @Test
    @DisplayName("BUNDLE-1 accept grants the ordinary optional purposes only, never a separate-consent one")
    void accept_grants_non_separate_only() {
        String phone = Fixtures.phone();
        open(phone, false);
        banner();
        click("#consento-banner [data-action=accept]");
        await(() -> web.findElements(By.id("consento-banner")).isEmpty());
        assertThat(fx.decision(phone, personal, null)).isEqualTo("GRANTED");
        assertThat(fx.decision(phone, marketing, "email")).isEqualTo("GRANTED");
        assertThat(fx.decision(phone, marketing, "sms")).isEqualTo("NO_CONSENT");
        assertThat(fx.decision(phone, share, null)).isEqualTo("NO_CONSENT");
        assertThat(fx.decision(phone, ads, null)).isEqualTo("NO_CONSENT");
        List<JsonNode> events = history(phone, null);
        assertThat(events).hasSize(2).allSatisfy(e -> {
            assertThat(e.get("action").asString()).isEqualTo("GRANT");
            assertThat(e.get("evidence").get("uiTextHash").asString()).hasSize(64);
        });
        assertThat(has(personal, null)).isTrue();
        assertThat(has(marketing, "email")).isTrue();
        assertThat(has(share, null)).isFalse();
        assertThat(js("return window.changes.length")).isEqualTo(1L);
        assertThat(js("return window.domChanges")).isEqualTo(1L);
        // Google Consent Mode v2 follows: analytics mapped to the granted purpose, ads still denied
        assertThat(js("var c = gtagCalls[gtagCalls.length - 1]; return c[0] + ' ' + c[1] + ' ' + c[2].analytics_storage"
                + " + ' ' + c[2].ad_storage + ' ' + c[2].ad_user_data + ' ' + c[2].ad_personalization"))
                .isEqualTo("consent update granted denied denied denied");
    }

    @Test
    @DisplayName("SEP-0 each separate-consent switch records its own event at its own time; has() and the API follow")
    void separate_switches_are_separate_acts() {
        String phone = Fixtures.phone();
        open(phone, false);
        banner();
        js("consento.showSettings()");
        click("#consento-settings input[data-purpose='" + share + "']");
        await(() -> has(share, null));
        assertThat(fx.decision(phone, share, null)).isEqualTo("GRANTED");
        assertThat(fx.decision(phone, ads, null)).isEqualTo("NO_CONSENT");
        assertThat(history(phone, null)).hasSize(1);
        click("#consento-settings input[data-purpose='" + ads + "']");
        await(() -> has(ads, null));
        assertThat(fx.decision(phone, ads, null)).isEqualTo("GRANTED");
        JsonNode shareEvent = history(phone, share).get(0);
        JsonNode adsEvent = history(phone, ads).get(0);
        assertThat(shareEvent.get("evidence").get("method").asString()).isEqualTo("separate-consent");
        assertThat(Instant.parse(shareEvent.get("capturedAt").asString()))
                .isBefore(Instant.parse(adsEvent.get("capturedAt").asString()));
        assertThat(history(phone, null)).hasSize(2);
        assertThat(js("return window.changes.length")).isEqualTo(2L);
        assertThat(js("var c = gtagCalls[gtagCalls.length - 1]; return c[2].ad_storage + ' ' + c[2].analytics_storage"))
                .isEqualTo("granted denied");

        // switching one off withdraws it, again alone
        click("#consento-settings input[data-purpose='" + share + "']");
        await(() -> !has(share, null));
        assertThat(fx.decision(phone, share, null)).isEqualTo("WITHDRAWN");
        assertThat(fx.decision(phone, ads, null)).isEqualTo("GRANTED");
        // "save" refuses what was left undecided among the ordinary purposes; the banner is gone
        click("#consento-settings [data-action=save]");
        await(() -> web.findElements(By.id("consento-settings")).isEmpty());
        assertThat(web.findElements(By.id("consento-banner"))).isEmpty();
        assertThat(fx.decision(phone, personal, null)).isEqualTo("DENIED");
        assertThat(fx.decision(phone, ads, null)).isEqualTo("GRANTED");
    }

    @Test
    @DisplayName("GPC a Global Privacy Control signal withdraws share.* and ads.* once, recorded as method gpc")
    void gpc_withdraws_sale_and_sharing() {
        String phone = Fixtures.phone();
        open(phone, true);
        await(() -> known(phone) && history(phone, null).size() == 2);
        assertThat(fx.decision(phone, share, null)).isEqualTo("WITHDRAWN");
        assertThat(fx.decision(phone, ads, null)).isEqualTo("WITHDRAWN");
        assertThat(fx.decision(phone, personal, null)).isEqualTo("NO_CONSENT");
        assertThat(history(phone, null)).allSatisfy(e -> {
            assertThat(e.get("action").asString()).isEqualTo("WITHDRAW");
            assertThat(e.get("evidence").get("method").asString()).isEqualTo("gpc");
        });
        assertThat(has(share, null)).isFalse();
        banner(); // the ordinary purposes are still to be asked
        js("consento.showSettings()");
        assertThat(web.findElement(By.cssSelector("#consento-settings input[data-purpose='" + ads + "']")).isSelected())
                .isFalse();
        assertThat(web.findElement(By.id("consento-settings")).getText()).contains("GPC");
        assertThat(js("var c = gtagCalls[gtagCalls.length - 1]; return c[2].ad_storage")).isEqualTo("denied");

        web.navigate().refresh();
        await(() -> Boolean.TRUE.equals(js("return window.sdkReady")));
        assertThat(history(phone, null)).as("recorded once, not on every page").hasSize(2);
    }

    @Test
    @DisplayName("without a subject from the site the visitor is a random device id kept in localStorage")
    void device_subject() {
        open(null, false);
        banner();
        click("#consento-banner [data-action=accept]");
        await(() -> has(personal, null));
        String device = (String) js("return consento.subject()[0].type + ':' + consento.subject()[0].value");
        assertThat(device).startsWith("device:web-");
        JsonNode decision = api.get("/api/v1/decisions?subject=" + URLEncoder.encode(device, StandardCharsets.UTF_8)
                + "&purpose=" + personal).json();
        assertThat(decision.get("reason").asString()).isEqualTo("GRANTED");
        web.navigate().refresh();
        await(() -> Boolean.TRUE.equals(js("return window.sdkReady")));
        assertThat(js("return consento.subject()[0].value")).isEqualTo(device.substring("device:".length()));
        assertThat(has(personal, null)).isTrue();
    }

    @Test
    @DisplayName("the demo shop /sdk/demo runs the SDK with a site key; with ?gpc=1 it simulates the GPC signal")
    void demo_page() {
        web.get("http://127.0.0.1:" + port + "/sdk/demo?key=" + key + "&gpc=1");
        WebElement banner = banner();
        assertThat(banner.getText()).contains("同意").contains("拒绝");
        assertThat(Boolean.TRUE.equals(js("return navigator.globalPrivacyControl"))).isTrue();
        js("consento.showSettings()");
        assertThat(web.findElements(By.cssSelector("#consento-settings input[type=checkbox]"))).isNotEmpty()
                .noneMatch(WebElement::isSelected);
        web.get("http://127.0.0.1:" + port + "/sdk/demo?key=" + key + "&lang=en");
        assertThat(banner().getText()).contains("Accept").contains("Reject").contains("Choose");
    }
}
