package com.consento.preferencecentre;

import com.consento.ConsentoApplication;
import com.consento.testing.Api;
import com.consento.testing.Browser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Writes the README's screenshots of the preference centre ({@code docs/screenshots/preferences-zh.png} and
 * {@code -en.png}) from a fresh embedded instance with a small, realistic catalog and one shopper's history.
 * Not a test: run it by hand (it starts its own application, which the integration suite must not do):
 * <pre>
 * ./mvnw -o -q -pl app test-compile org.codehaus.mojo:exec-maven-plugin:3.5.0:java \
 *   -Dexec.mainClass=com.consento.preferencecentre.ScreenshotTour -Dexec.classpathScope=test
 * </pre>
 * It needs Chromium and a CJK font (Debian: {@code chromium chromium-driver fonts-noto-cjk}).
 */
public final class ScreenshotTour {
    private static final String KEY = "screenshot-tour-admin-key-0123456789";

    private ScreenshotTour() {
    }

    public static void main(String[] args) throws Exception {
        Path out = (args.length > 0 ? Path.of(args[0])
                : Files.isDirectory(Path.of("docs")) ? Path.of("docs/screenshots") : Path.of("../docs/screenshots"))
                .toAbsolutePath().normalize();
        Path data = Files.createTempDirectory("consento-tour-");
        ConfigurableApplicationContext app = new SpringApplicationBuilder(ConsentoApplication.class).run(
                "--server.port=0", "--consento.data-dir=" + data, "--consento.demo=false", "--consento.admin-key=" + KEY,
                "--consento.admin-password=screenshot-tour-password", "--logging.level.root=WARN");
        WebDriver web = null;
        try {
            int port = ((WebServerApplicationContext) app).getWebServer().getPort();
            Api api = new Api(port, KEY);
            String url = shopper(api);
            web = Browser.open(360, 800);
            web.get(url);
            shoot(web, out.resolve("preferences-zh.png"));
            web.findElement(By.cssSelector("[data-action='switch-language']")).click();
            shoot(web, out.resolve("preferences-en.png"));
            System.out.println("screenshots written to " + out);
        } finally {
            if (web != null) {
                web.quit();
            }
            app.close();
        }
    }

    private static void shoot(WebDriver web, Path file) {
        JavascriptExecutor js = (JavascriptExecutor) web;
        web.manage().window().setSize(new Dimension(360, 800));
        for (int i = 0; i < 3; i++) {
            long page = ((Number) js.executeScript("return document.documentElement.scrollHeight")).longValue();
            long view = ((Number) js.executeScript("return window.innerHeight")).longValue();
            if (view >= page) {
                break;
            }
            Dimension now = web.manage().window().getSize();
            web.manage().window().setSize(new Dimension(360, (int) Math.min(now.getHeight() + page - view, 16_000)));
        }
        Browser.screenshot(web, file);
    }

    /** The catalog, two notice versions, a shopper with a history across store, app and web; returns the link. */
    private static String shopper(Api api) {
        put(api, "marketing", """
                {"name": {"zh-CN": "营销信息", "en": "Marketing messages"},
                 "description": {"zh-CN": "通过短信、电子邮件、App 推送和微信向您发送优惠、新品和会员活动信息。可按渠道分别同意，随时撤回。",
                                 "en": "Offers, new arrivals and member events by SMS, e-mail, app push and WeChat. Choose per channel; stop any time."},
                 "legalBasis": "CONSENT", "channels": ["sms", "email", "push", "wechat"], "validityDays": 730,
                 "retentionDays": 1095, "dataCategories": ["phone", "email", "wechat_openid", "push_token"]}""");
        put(api, "personalization", """
                {"name": {"zh-CN": "个性化推荐", "en": "Personalised recommendations"},
                 "description": {"zh-CN": "根据您的购买记录和偏好为您推荐商品。关闭后，您看到的是不针对个人的热门商品。",
                                 "en": "Product suggestions based on your purchases and preferences. Turn it off and you see popular items instead."},
                 "legalBasis": "CONSENT", "validityDays": 365, "retentionDays": 730,
                 "dataCategories": ["purchase_history", "preferences", "profile"]}""");
        put(api, "browsing_history", """
                {"name": {"zh-CN": "浏览记录", "en": "Browsing history"},
                 "description": {"zh-CN": "记录您浏览和搜索的商品，用于改进推荐。不同意时我们不保存浏览记录。",
                                 "en": "The products you view and search for, to improve suggestions. Without consent we keep none."},
                 "legalBasis": "CONSENT", "validityDays": 180, "retentionDays": 180,
                 "dataCategories": ["page_views", "search_terms", "device_id"]}""");
        put(api, "share.brand_partner", """
                {"name": {"zh-CN": "与品牌合作方共享", "en": "Sharing with our brand partner"},
                 "description": {"zh-CN": "将您的姓名、手机号和会员等级提供给合作方，用于其会员礼遇。",
                                 "en": "Your name, phone number and member tier go to our partner for its member offers."},
                 "legalBasis": "CONSENT", "separateConsent": true, "validityDays": 365, "retentionDays": 365,
                 "dataCategories": ["name", "phone", "tier"], "recipients": ["花颜美妆（上海）有限公司"], "piaId": "PIA-04"}""");
        put(api, "cross_border", """
                {"name": {"zh-CN": "跨境传输", "en": "Transfer abroad"},
                 "description": {"zh-CN": "将您的会员号、电子邮件和订单传输至英国的集团公司，用于全球会员服务。",
                                 "en": "Your member id, e-mail and orders go to our group company in the United Kingdom for worldwide member service."},
                 "legalBasis": "CONSENT", "separateConsent": true, "crossBorder": true, "validityDays": 365,
                 "retentionDays": 1095, "dataCategories": ["member_id", "email", "orders"],
                 "recipients": ["Example Retail Group Ltd. (UK)"], "piaId": "PIA-05", "transferMechanism": "STANDARD_CONTRACT"}""");
        put(api, "order_fulfilment", """
                {"name": {"zh-CN": "订单履行", "en": "Order fulfilment"},
                 "description": {"zh-CN": "为完成您的订单（支付、配送、售后）所必需。", "en": "What we need to complete your order: payment, delivery, after-sales."},
                 "legalBasis": "CONTRACT", "validityDays": 0, "retentionDays": 1095, "dataCategories": ["name", "phone", "address", "orders"]}""");
        String purposes = "[\"marketing\", \"personalization\", \"browsing_history\", \"share.brand_partner\", "
                + "\"cross_border\", \"order_fulfilment\"]";
        notice(api, "2026-01", purposes, "示例零售（上海）有限公司在您使用官网、App、小程序和门店时处理您的个人信息。\n"
                + "营销信息：按渠道分别征得您的同意。\n个性化推荐：基于您的购买记录。\n个人信息保护负责人：dpo@example.com", false);
        String phone = "+8613912345678";
        String id = api.post("/api/v1/subjects", "{\"identifiers\": [{\"type\": \"phone\", \"value\": \"" + phone
                + "\"}], \"profile\": {\"birthDate\": \"1990-05-31\", \"city\": \"上海\"}}").json().get("subjectId").asString();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MINUTES);
        event(api, id, "marketing", "sms", "GRANT", "STORE", now.minus(40, ChronoUnit.DAYS), ", \"storeId\": \"SH-021\"");
        event(api, id, "marketing", "email", "GRANT", "APP", now.minus(12, ChronoUnit.DAYS), "");
        event(api, id, "personalization", null, "GRANT", "WEB", now.minus(12, ChronoUnit.DAYS).plusSeconds(60), "");
        event(api, id, "marketing", "email", "WITHDRAW", "EMAIL", now.minus(3, ChronoUnit.DAYS), "");
        notice(api, "2026-06", purposes, "示例零售（上海）有限公司在您使用官网、App、小程序和门店时处理您的个人信息。\n"
                + "营销信息：按渠道分别征得您的同意，每周不超过您设定的条数。\n个性化推荐：基于您的购买记录。\n"
                + "个人信息保护负责人：dpo@example.com，电话 400-000-0000", false);
        api.put("/api/v1/subjects/" + id + "/preferences", """
                {"topics": ["new_arrivals", "birthday"], "categories": ["运动鞋", "户外"], "maxMessagesPerWeek": 3,
                 "quietHours": {"start": "22:00", "end": "08:00"}}""");
        return api.get("/api/v1/subjects/" + id + "/preference-link").json().get("url").asString();
    }

    private static void put(Api api, String code, String json) {
        Api.Response r = api.put("/api/v1/purposes/" + code, json);
        if (r.status() >= 300) {
            throw new IllegalStateException(code + ": " + r.body());
        }
    }

    private static void notice(Api api, String version, String purposes, String body, boolean material) {
        Api.Response r = api.post("/api/v1/notices", """
                {"version": "%s", "locale": "zh-CN", "title": "示例零售个人信息保护政策", "body": "%s",
                 "handler": {"name": "示例零售（上海）有限公司", "contact": "上海市静安区示例路 1 号；privacy@example.com"},
                 "officerContact": "个人信息保护负责人 dpo@example.com", "purposes": %s, "methods": "收集、存储、使用、提供",
                 "dataCategories": ["phone", "email", "orders"], "retention": "营销同意 2 年；交易记录 3 年",
                 "rights": "在偏好中心查阅、复制、删除，撤回同意", "material": %s}"""
                .formatted(version, body.replace("\n", "\\n"), purposes, material));
        if (r.status() >= 300) {
            throw new IllegalStateException(version + ": " + r.body());
        }
    }

    private static void event(Api api, String subject, String purpose, String channel, String action,
                              String touchpoint, Instant at, String extraEvidence) {
        Api.Response r = api.post("/api/v1/consent-events", """
                {"events": [{"subject": {"id": "%s"}, "purpose": "%s", %s "action": "%s", "noticeVersion": "2026-01",
                  "touchpoint": "%s", "capturedAt": "%s", "evidence": {"method": "checkbox"%s}}]}"""
                .formatted(subject, purpose, channel == null ? "" : "\"channel\": \"" + channel + "\",", action,
                        touchpoint, at, extraEvidence));
        if (r.status() >= 300) {
            throw new IllegalStateException(purpose + ": " + r.body());
        }
    }
}
