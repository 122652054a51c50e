package com.consento.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.consento.access.AccessAudit;
import com.consento.access.AuditFilter;
import com.consento.access.Role;
import com.consento.access.StaffUsers;
import com.consento.testing.Api;
import com.consento.testing.Browser;
import com.consento.testing.Fixtures;
import com.consento.testing.IntegrationTest;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
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

/**
 * The console in real headless Chromium: sign in (a wrong password shows the form again and makes no session),
 * the dashboard's charts drawn, purposes listed, the ledger verified, a subject searched by POST with masked
 * results, and that search found in the audit log. Screenshots go to {@code docs/screenshots/console-*.png}.
 */
@IntegrationTest
class ConsoleBrowserIT {
    static final Path SHOTS = Path.of("..", "docs", "screenshots");
    static final String PASSWORD = "browser-test-password-1";
    private static final String[] TOUCHPOINTS = {"WEB", "APP", "MINI_PROGRAM", "STORE", "CALL_CENTER", "SMS", "WEB",
            "APP", "WEB", "MINI_PROGRAM", "STORE", "WEB"};

    @LocalServerPort
    int port;
    @Autowired
    StaffUsers staff;
    @Autowired
    AccessAudit audit;

    WebDriver web;
    WebDriverWait wait;
    String base;
    String username;
    String purpose;
    String phone;
    String subjectId;

    @BeforeEach
    void setUp() {
        base = "http://127.0.0.1:" + port;
        Api api = new Api(port);
        Fixtures fx = new Fixtures(api);
        purpose = fx.marketingPurpose(730);
        String notice = fx.notice(false, purpose);
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        List<String> events = new ArrayList<>();
        for (int i = 0; i < TOUCHPOINTS.length; i++) {
            String action = i % 5 == 4 ? "WITHDRAW" : i % 7 == 6 ? "DENY" : "GRANT";
            String who = Fixtures.phone();
            if (i == 0) {
                phone = who;
            }
            events.add(Fixtures.eventJson(who, purpose, i % 2 == 0 ? "sms" : "email", action,
                    action.equals("GRANT") ? notice : null, now.minus(i * 2L, ChronoUnit.DAYS).minusSeconds(60))
                    .replace("\"WEB\"", "\"" + TOUCHPOINTS[i] + "\""));
        }
        Api.Response r = api.post("/api/v1/consent-events", "{\"events\": [" + String.join(",", events) + "]}");
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        subjectId = r.json().get("receipts").get(0).get("subjectId").asString();
        username = Fixtures.unique("browser-admin").replace('_', '-');
        staff.create(username, PASSWORD, List.of(Role.ADMIN), "Browser test", "test");
        web = Browser.desktop();
        wait = new WebDriverWait(web, Duration.ofSeconds(30));
    }

    @AfterEach
    void tearDown() {
        if (web != null) {
            web.quit();
        }
    }

    private void shot(String name) {
        Browser.screenshot(web, SHOTS.resolve("console-" + name + ".png"));
    }

    private void signIn(String password) {
        web.findElement(By.name("username")).clear();
        web.findElement(By.name("username")).sendKeys(username);
        web.findElement(By.name("password")).sendKeys(password);
        web.findElement(By.cssSelector("[data-action='sign-in']")).click();
    }

    @Test
    @DisplayName("PIPL-51 sign in, see the charts, list purposes, verify the ledger, search a subject, find the search in the audit log")
    void console_tour() {
        web.get(base + "/admin");
        wait.until(ExpectedConditions.urlContains("/admin/login"));
        shot("login");

        signIn("not-the-password");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-login-error]")));
        assertThat(web.findElements(By.name("password"))).hasSize(1);
        assertThat(web.manage().getCookieNamed("JSESSIONID")).as("no session after a wrong password").isNull();

        signIn(PASSWORD);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-chart='consent-rate']")));
        assertThat(web.manage().getCookieNamed("JSESSIONID")).isNotNull();
        List<WebElement> charts = web.findElements(By.cssSelector("[data-chart]"));
        assertThat(charts).hasSizeGreaterThanOrEqualTo(4);
        wait.until(d -> (Boolean) ((JavascriptExecutor) d).executeScript(
                "return Array.from(document.querySelectorAll('[data-chart]'))"
                        + ".every(function (el) { return el.querySelector('canvas, svg') !== null; });"));
        assertThat(web.findElement(By.cssSelector("[data-chart='rights-requests']"))
                .findElements(By.cssSelector("canvas, svg"))).as("a chart with nothing to count still draws").isNotEmpty();
        shot("dashboard");

        web.get(base + "/admin?lang=en");
        wait.until(d -> (Boolean) ((JavascriptExecutor) d).executeScript(
                "return Array.from(document.querySelectorAll('[data-chart]'))"
                        + ".every(function (el) { return el.querySelector('canvas, svg') !== null; });"));
        assertThat(web.findElement(By.tagName("h1")).getText()).isEqualTo("Dashboard");
        shot("dashboard-en");
        web.get(base + "/admin?lang=zh-CN");

        web.findElement(By.cssSelector("nav a[href='/admin/purposes']")).click();
        WebElement row = wait.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("[data-table='purposes'] tr[data-purpose='" + purpose + "']")));
        assertThat(row.getText()).contains(purpose).contains("营销信息");
        shot("purposes");

        web.get(base + "/admin/ledger");
        WebElement verify = web.findElement(By.cssSelector("[data-action='verify-ledger']"));
        verify.click();
        wait.until(ExpectedConditions.stalenessOf(verify));
        WebElement result = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-verified-at]")));
        assertThat(result.getText()).isNotBlank();
        assertThat(web.findElement(By.cssSelector("[data-ledger-result]")).getAttribute("data-valid"))
                .isIn("true", "false");
        assertThat(web.findElements(By.cssSelector("[data-status='valid'], [data-status='broken']"))).hasSize(1);
        web.findElement(By.cssSelector("[data-table='events'] a[href*='receipt=']")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-signature='valid']")));
        shot("ledger");

        web.get(base + "/admin/subjects");
        String national = phone.substring(3);
        web.findElement(By.name("q")).sendKeys(national);
        web.findElement(By.cssSelector("[data-action='search-subjects']")).click();
        WebElement hit = wait.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("[data-subject='" + subjectId + "']")));
        String masked = "+86 " + national.substring(0, 3) + "****" + national.substring(7);
        assertThat(hit.getText()).contains(masked).doesNotContain(national);
        assertThat(web.getCurrentUrl()).doesNotContain(national).doesNotContain(national.substring(7));
        shot("subjects");
        hit.findElement(By.tagName("a")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-table='history']")));
        assertThat(web.findElement(By.cssSelector("[data-subject-id]")).getText()).isEqualTo(subjectId);
        shot("subject");

        web.get(base + "/admin/audit");
        WebElement search = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(
                "[data-table='audit'] tr[data-audit-action='SEARCH_SUBJECT'][data-audit-staff='" + username + "']")));
        assertThat(search.getText()).contains("phone:" + masked).contains(subjectId);
        assertThat(audit.find(new AuditFilter(username, AccessAudit.VIEW_SUBJECT, subjectId, null, null, false, 5)))
                .hasSize(1);
        shot("audit");

        web.get(base + "/admin/compliance");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-section='purposes']")));
        shot("compliance");
    }
}
