package com.consento.preferencecentre;

import static org.assertj.core.api.Assertions.assertThat;

import com.consento.identity.IdentifierType;
import com.consento.testing.Api;
import com.consento.testing.Browser;
import com.consento.testing.Fixtures;
import com.consento.testing.IntegrationTest;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The preference centre in real headless Chromium at phone size (360 px), with JavaScript: every control is
 * found by the {@code data-purpose} of a purpose this test created (the shared database holds many more).
 */
@IntegrationTest
class PreferenceCentreBrowserIT {
    private static final Duration WAIT = Duration.ofSeconds(20);
    @LocalServerPort
    int port;
    @Autowired
    LogCodeSender codes;
    @Autowired
    LogLinkSender links;
    Api api;
    Shop shop;
    WebDriver web;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        shop = new Shop(api);
        web = Browser.phone();
    }

    @AfterEach
    void tearDown() {
        if (web != null) {
            web.quit();
        }
    }

    private WebElement control(String purpose, String channel) {
        return web.findElement(By.cssSelector(channel == null
                ? "input[data-purpose='" + purpose + "']:not([data-channel])"
                : "input[data-purpose='" + purpose + "'][data-channel='" + channel + "']"));
    }

    /** Clicks a toggle and waits until the page says it saved (the script sets data-saved). */
    private void toggle(WebElement box) {
        box.click();
        waitFor().until(d -> {
            String saved = box.getAttribute("data-saved");
            return saved != null && !saved.isEmpty();
        });
    }

    /** Waits that survive the page being replaced under them (a stale element is simply looked up again). */
    private WebDriverWait waitFor() {
        WebDriverWait wait = new WebDriverWait(web, WAIT);
        wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
        return wait;
    }

    private String text(By by) {
        return web.findElement(by).getText();
    }

    private String lang() {
        return web.findElement(By.tagName("html")).getAttribute("lang");
    }

    private Object js(String script) {
        return ((JavascriptExecutor) web).executeScript(script);
    }

    @Test
    @DisplayName("APP-III.4 opening the link shows the page in zh-CN at 360 px, the token gone from the URL, never-asked unchecked")
    void opening_the_link() {
        String phone = Fixtures.phone();
        String id = shop.subject(phone, null);
        shop.grant(phone, shop.marketing, "sms");
        web.get(shop.link(id, ""));

        assertThat(web.getCurrentUrl()).endsWith("/preferences").doesNotContain("t=");
        assertThat(lang()).isEqualTo("zh-CN");
        assertThat(text(By.tagName("h1"))).isEqualTo("您的隐私选择");
        assertThat(control(shop.marketing, "sms").isSelected()).isTrue();
        for (String channel : List.of("email", "push", "wechat")) {
            assertThat(control(shop.marketing, channel).isSelected()).as(channel).isFalse();
        }
        assertThat(control(shop.personal, null).isSelected()).isFalse();
        assertThat(control(shop.share, null).isSelected()).isFalse();
        assertThat(control(shop.unnoticed, null).isEnabled()).isFalse();
        assertThat(web.findElements(By.cssSelector("input[data-purpose='" + shop.orders + "']"))).isEmpty();
        assertThat(text(By.cssSelector("[data-card='" + shop.orders + "']"))).contains("订单所需");
        assertThat(text(By.cssSelector("[data-card='" + shop.share + "']"))).contains(Shop.PARTNER);

        // every control of ours has an accessible label; nothing is wider than the phone
        for (WebElement box : web.findElements(By.cssSelector("[data-card='" + shop.marketing + "'] input[data-purpose],"
                + "[data-card='" + shop.share + "'] input[data-purpose]"))) {
            WebElement label = web.findElement(By.cssSelector("label[for='" + box.getAttribute("id") + "']"));
            assertThat(label.getAttribute("textContent")).isNotBlank();
            assertThat(box.getAttribute("role")).isEqualTo("switch");
        }
        assertThat(((Number) js("return document.documentElement.scrollWidth")).intValue()).isLessThanOrEqualTo(360);
        Browser.screenshot(web, Path.of("target/screenshots/preferences-it-zh.png"));
    }

    @Test
    @DisplayName("the language switch turns the page English, and the choice is remembered")
    void language_switch() {
        String id = shop.subject(Fixtures.phone(), null);
        web.get(shop.link(id, ""));
        web.findElement(By.cssSelector("[data-action='switch-language']")).click();
        waitFor().until(d -> "en".equals(lang()));
        assertThat(text(By.tagName("h1"))).isEqualTo("Your privacy choices");
        assertThat(text(By.cssSelector("[data-card='" + shop.marketing + "']"))).contains("Marketing messages")
                .contains("SMS");
        web.get("http://127.0.0.1:" + port + "/preferences");
        assertThat(lang()).isEqualTo("en");
        assertThat(text(By.cssSelector("[data-card='" + shop.personal + "']"))).contains("Personalised recommendations");
        Browser.screenshot(web, Path.of("target/screenshots/preferences-it-en.png"));
        web.findElement(By.cssSelector("[data-action='switch-language']")).click();
        waitFor().until(d -> "zh-CN".equals(lang()));
    }

    @Test
    @DisplayName("PIPL-15b withdrawing and granting a channel with one click each changes the decision at once")
    void withdraw_and_grant_a_channel() {
        String phone = Fixtures.phone();
        String id = shop.subject(phone, null);
        shop.grant(phone, shop.marketing, "sms");
        web.get(shop.link(id, ""));
        assertThat(shop.decision(id, shop.marketing, "sms")).isEqualTo("GRANTED");

        WebElement sms = control(shop.marketing, "sms");
        toggle(sms);
        assertThat(sms.isSelected()).isFalse();
        assertThat(shop.decision(id, shop.marketing, "sms")).isEqualTo("WITHDRAWN");
        assertThat(shop.decision(id, shop.marketing, "email")).isEqualTo("NO_CONSENT");

        toggle(sms);
        assertThat(sms.isSelected()).isTrue();
        assertThat(shop.decision(id, shop.marketing, "sms")).isEqualTo("GRANTED");
        assertThat(text(By.id(sms.getAttribute("id") + "-status"))).startsWith("已同意");

        JsonNode events = api.get("/api/v1/subjects/" + id + "/consent-events").json().get("events");
        JsonNode last = events.get(events.size() - 1);
        assertThat(last.get("action").asString()).isEqualTo("GRANT");
        assertThat(last.get("touchpoint").asString()).isEqualTo("WEB");
        assertThat(last.get("evidence").get("method").asString()).isEqualTo("preference-centre");
        assertThat(last.get("evidence").get("uiTextHash").asString()).hasSize(64);

        // the page, reloaded, shows what the ledger holds
        web.navigate().refresh();
        assertThat(control(shop.marketing, "sms").isSelected()).isTrue();
        assertThat(text(By.id("history"))).contains("撤回了“营销信息”（短信）").contains("网站");
    }

    @Test
    @DisplayName("PIPL-15a withdraw all withdraws every granted consent in one click")
    void withdraw_all() {
        String phone = Fixtures.phone();
        String id = shop.subject(phone, null);
        shop.grant(phone, shop.marketing, "sms");
        shop.grant(phone, shop.marketing, "wechat");
        shop.grant(phone, shop.personal, null);
        shop.grant(phone, shop.share, null);
        web.get(shop.link(id, ""));
        web.findElement(By.cssSelector("[data-action='withdraw-all']")).click();
        waitFor().until(d -> text(By.id("flash")).contains("已撤回全部 4 项同意"));
        for (String[] key : new String[][] {{shop.marketing, "sms"}, {shop.marketing, "wechat"}, {shop.personal, null},
                {shop.share, null}}) {
            assertThat(shop.decision(id, key[0], key[1])).isEqualTo("WITHDRAWN");
            assertThat(control(key[0], key[1]).isSelected()).isFalse();
        }
        assertThat(shop.decision(id, shop.orders, null)).isEqualTo("NOT_REQUIRED");
    }

    @Test
    @DisplayName("a tampered link shows nothing of anyone and offers a new link, answered alike for anyone")
    void tampered_link() {
        String phone = Fixtures.phone();
        String id = shop.subject(phone, null);
        String url = shop.link(id, "");
        web.get(url.substring(0, url.length() - 2) + (url.endsWith("x") ? "yy" : "xx"));
        assertThat(web.findElements(By.cssSelector("[data-purpose]"))).isEmpty();
        assertThat(web.getPageSource()).doesNotContain(id).doesNotContain("****");
        assertThat(text(By.tagName("h1"))).isEqualTo("链接无效或已过期");

        web.findElement(By.id("contact")).sendKeys(phone.substring(3));
        web.findElement(By.cssSelector("[data-action='send-link']")).click();
        waitFor().until(d -> text(By.id("flash")).contains("已向它发送新链接"));
        String known = text(By.id("flash"));
        WebElement before = web.findElement(By.id("flash"));
        web.findElement(By.id("contact")).sendKeys(Fixtures.phone());
        web.findElement(By.cssSelector("[data-action='send-link']")).click();
        waitFor().until(ExpectedConditions.stalenessOf(before));
        waitFor().until(d -> text(By.id("flash")).equals(known));

        web.get(links.lastLinkTo(IdentifierType.PHONE, phone));
        assertThat(web.findElements(By.cssSelector("input[data-purpose='" + shop.marketing + "']"))).hasSize(4);
    }

    @Test
    @DisplayName("PIPL-31a for a child under 14 the page addresses the guardian, whose verified phone is the actor of each grant")
    void minor_needs_a_verified_guardian() {
        String child = Fixtures.phone();
        String id = shop.subject(child, LocalDate.now().minusYears(10));
        web.get(shop.link(id, ""));
        assertThat(text(By.tagName("h1"))).contains("家长/监护人");
        assertThat(control(shop.personal, null).isEnabled()).isFalse();
        assertThat(control(shop.marketing, "sms").isEnabled()).isFalse();

        String guardian = Fixtures.phone();
        web.findElement(By.id("g-phone")).sendKeys(guardian);
        web.findElement(By.cssSelector("[data-action='send-code']")).click();
        waitFor().until(d -> !d.findElements(By.id("g-code")).isEmpty());
        String code = codes.lastCodeTo(guardian);
        assertThat(code).matches("\\d{6}");
        web.findElement(By.id("g-code")).sendKeys(code.equals("000000") ? "111111" : "000000");
        web.findElement(By.cssSelector("[data-action='verify-code']")).click();
        waitFor().until(d -> text(By.id("flash")).contains("验证码不正确"));
        assertThat(control(shop.personal, null).isEnabled()).isFalse();
        web.findElement(By.id("g-code")).sendKeys(code);
        web.findElement(By.cssSelector("[data-action='verify-code']")).click();
        waitFor().until(d -> !d.findElements(By.cssSelector("[data-guardian='verified']")).isEmpty());

        WebElement personal = control(shop.personal, null);
        assertThat(personal.isEnabled()).isTrue();
        toggle(personal);
        assertThat(shop.decision(id, shop.personal, null)).isEqualTo("GRANTED");
        assertThat(shop.decision(id, shop.marketing, "sms")).isEqualTo("MINOR_NEEDS_GUARDIAN");
        JsonNode events = api.get("/api/v1/subjects/" + id + "/consent-events").json().get("events");
        JsonNode last = events.get(events.size() - 1);
        assertThat(last.get("actorType").asString()).isEqualTo("GUARDIAN");
        assertThat(last.get("actor").get("relationship").asString()).isEqualTo("parent");
        assertThat(last.get("actor").toString()).contains(guardian.substring(1));
    }

    @Test
    @DisplayName("PIPL-15a withdrawing never takes more clicks than granting, for a channel, a use and a separate consent")
    void withdrawing_never_takes_more_steps_than_granting() {
        String id = shop.subject(Fixtures.phone(), null);
        web.get(shop.link(id, ""));
        for (String[] key : new String[][] {{shop.marketing, "email"}, {shop.personal, null}, {shop.location, null}}) {
            int grant = clicksUntil(key[0], key[1], id, "GRANTED");
            int withdraw = clicksUntil(key[0], key[1], id, "WITHDRAWN");
            assertThat(grant).as("clicks to grant %s", (Object) key).isEqualTo(1);
            assertThat(withdraw).as("clicks to withdraw %s", (Object) key).isLessThanOrEqualTo(grant);
        }
        // and withdrawing everything is one click, however many were granted one by one
        int granted = 0;
        for (String channel : List.of("sms", "push", "wechat")) {
            granted += clicksUntil(shop.marketing, channel, id, "GRANTED");
        }
        web.findElement(By.cssSelector("[data-action='withdraw-all']")).click();
        waitFor().until(d -> text(By.id("flash")).contains("已撤回"));
        assertThat(shop.decision(id, shop.marketing, "push")).isEqualTo("WITHDRAWN");
        assertThat(1).isLessThanOrEqualTo(granted);
    }

    /**
     * Clicks as a person would until the decision says {@code wanted}: the control itself, then (only if the
     * decision has not changed) the save button its form has. Returns the number of clicks.
     */
    private int clicksUntil(String purpose, String channel, String subjectId, String wanted) {
        WebElement box = control(purpose, channel);
        int clicks = 0;
        box.click();
        clicks++;
        try {
            waitFor().until(d -> wanted.equals(shop.decision(subjectId, purpose, channel)));
        } catch (org.openqa.selenium.TimeoutException e) {
            web.findElement(By.cssSelector("button[data-action='save'][form='" + box.getAttribute("form") + "']")).click();
            clicks++;
            waitFor().until(d -> wanted.equals(shop.decision(subjectId, purpose, channel)));
        }
        waitFor().until(d -> control(purpose, channel).getAttribute("data-saved") != null);
        return clicks;
    }
}
