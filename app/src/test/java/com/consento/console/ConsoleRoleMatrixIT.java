package com.consento.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.consento.access.AccessAudit;
import com.consento.access.AuditEntry;
import com.consento.access.AuditFilter;
import com.consento.access.Role;
import com.consento.access.StaffUsers;
import com.consento.testing.Api;
import com.consento.testing.Fixtures;
import com.consento.testing.IntegrationTest;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The console's role matrix, both ways: each role reaches what it may (200, or the redirect of a completed
 * form) and is refused the rest (403); a minor's record needs ADMIN or DPO (MIN-34); every search, view and
 * reveal is in the audit log at once, masked (PIPL-51).
 */
@IntegrationTest
class ConsoleRoleMatrixIT {
    static final String PASSWORD = "correct-horse-battery-1";
    private static final Set<Role> ALL = EnumSet.allOf(Role.class);
    private static final Set<Role> READERS = EnumSet.of(Role.ADMIN, Role.DPO, Role.AUDITOR);
    private static final Set<Role> EDITORS = EnumSet.of(Role.ADMIN, Role.DPO);
    private static final Set<Role> PEOPLE = EnumSet.of(Role.ADMIN, Role.DPO, Role.AUDITOR, Role.SUPPORT);
    private static final Set<Role> REVEALERS = EnumSet.of(Role.ADMIN, Role.DPO, Role.SUPPORT);

    @LocalServerPort
    int port;
    @Autowired
    StaffUsers staff;
    @Autowired
    AccessAudit audit;

    Api api;
    Fixtures fx;
    String phone;
    String adult;
    String minor;
    Map<Role, String> users = new EnumMap<>(Role.class);
    Map<Role, ConsoleClient> clients = new EnumMap<>(Role.class);

    @BeforeEach
    void setUp() {
        api = new Api(port);
        fx = new Fixtures(api);
        String purpose = fx.marketingPurpose(730);
        String notice = fx.notice(false, purpose);
        phone = Fixtures.phone();
        Api.Response r = fx.event(phone, purpose, "sms", "GRANT", notice, Instant.now().minusSeconds(60)
                .truncatedTo(ChronoUnit.SECONDS));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        adult = r.json().get("receipts").get(0).get("subjectId").asString();
        Api.Response m = api.post("/api/v1/subjects", """
                {"identifiers": [{"type": "phone", "value": "%s"}], "profile": {"birthDate": "%s"}}"""
                .formatted(Fixtures.phone(), LocalDate.now().minusYears(9)));
        assertThat(m.status()).as(m.body()).isEqualTo(201);
        minor = m.json().get("subjectId").asString();
        for (Role role : Role.values()) {
            String name = Fixtures.unique("it_" + role.name().toLowerCase()).replace('_', '-');
            staff.create(name, PASSWORD, List.of(role), "IT " + role, "test");
            users.put(role, name);
        }
    }

    private ConsoleClient as(Role role) {
        ConsoleClient c = ConsoleClient.signedIn(port, users.get(role), PASSWORD);
        assertThat(c.last.status()).isEqualTo(302);
        assertThat(c.last.location()).doesNotContain("error");
        return c;
    }

    private void expectGet(String path, Set<Role> allowed) {
        for (Role role : Role.values()) {
            ConsoleClient.Page page = clients.computeIfAbsent(role, this::as).get(path);
            assertThat(page.status()).as("%s GET %s", role, path).isEqualTo(allowed.contains(role) ? 200 : 403);
        }
    }

    @Test
    @DisplayName("PIPL-51 each role opens the pages the role matrix gives it and is refused every other")
    void pages_follow_the_role_matrix() {
        expectGet("/admin", ALL);
        expectGet("/admin/purposes", ALL);
        expectGet("/admin/notices", ALL);
        expectGet("/admin/reports/purposes.csv", ALL);
        expectGet("/admin/purposes/new", EDITORS);
        expectGet("/admin/notices/new", EDITORS);
        expectGet("/admin/ledger", READERS);
        expectGet("/admin/reports/events.csv", READERS);
        expectGet("/admin/subjects", PEOPLE);
        expectGet("/admin/subjects/" + adult, PEOPLE);
        expectGet("/admin/audit", READERS);
        expectGet("/admin/reports/audit.csv", READERS);
        expectGet("/admin/compliance", READERS);
        expectGet("/admin/staff", READERS);
    }

    @Test
    @DisplayName("PIPL-51 forms follow the role matrix too: search, reveal, verify, edit the catalog, create staff")
    void forms_follow_the_role_matrix() {
        for (Role role : Role.values()) {
            ConsoleClient c = as(role);
            assertThat(c.post("/admin/subjects", Map.of("q", phone)).status()).as("%s search", role)
                    .isEqualTo(PEOPLE.contains(role) ? 200 : 403);
            assertThat(c.post("/admin/subjects/" + adult + "/reveal", Map.of("identifier", "0",
                    "reason", "customer called to verify")).status()).as("%s reveal", role)
                    .isEqualTo(REVEALERS.contains(role) ? 200 : 403);
            assertThat(c.post("/admin/ledger/verify", Map.of()).status()).as("%s verify", role)
                    .isEqualTo(READERS.contains(role) ? 302 : 403);
            assertThat(c.post("/admin/purposes", Map.of("code", "", "legalBasis", "CONSENT")).status())
                    .as("%s save purpose", role).isEqualTo(EDITORS.contains(role) ? 200 : 403);
            ConsoleClient.Page created = c.post("/admin/staff", Map.of("username",
                    Fixtures.unique("made-by-" + role.name().toLowerCase()).replace('_', '-'),
                    "password", PASSWORD, "roles", "MARKETER"));
            assertThat(created.status()).as("%s create staff", role).isEqualTo(role == Role.ADMIN ? 302 : 403);
        }
    }

    @Test
    @DisplayName("PIPL-51 a marketer never sees an identifier: no subject page, no search, no reveal")
    void marketer_never_sees_identifiers() {
        ConsoleClient marketer = as(Role.MARKETER);
        ConsoleClient.Page dashboard = marketer.get("/admin");
        assertThat(dashboard.status()).isEqualTo(200);
        assertThat(dashboard.body()).doesNotContain("/admin/subjects").doesNotContain("/admin/ledger")
                .doesNotContain("/admin/audit");
        assertThat(marketer.get("/admin/subjects/" + adult).status()).isEqualTo(403);
        assertThat(marketer.post("/admin/subjects", Map.of("q", phone)).body()).doesNotContain(phone.substring(6));
    }

    @Test
    @DisplayName("MIN-34 a minor's record opens for ADMIN and DPO only, and a refused read is audited")
    void minors_need_admin_or_dpo() {
        for (Role role : Role.values()) {
            ConsoleClient.Page page = as(role).get("/admin/subjects/" + minor);
            assertThat(page.status()).as("%s reads a minor", role)
                    .isEqualTo(EnumSet.of(Role.ADMIN, Role.DPO).contains(role) ? 200 : 403);
        }
        List<AuditEntry> refused = audit.find(new AuditFilter(users.get(Role.SUPPORT), AccessAudit.VIEW_SUBJECT, minor,
                null, null, true, 10));
        assertThat(refused).hasSize(1);
        assertThat(refused.get(0).allowed()).isFalse();
        assertThat(audit.find(new AuditFilter(users.get(Role.DPO), AccessAudit.VIEW_SUBJECT, minor, null, null, false,
                10))).singleElement().satisfies(e -> assertThat(e.detail()).isEqualTo("minor"));
        ConsoleClient support = as(Role.SUPPORT);
        assertThat(support.post("/admin/subjects/" + minor + "/reveal", Map.of("identifier", "0",
                "reason", "customer called to verify")).status()).isEqualTo(403);
    }

    @Test
    @DisplayName("PIPL-51 a search is audited at once with the identifier masked, and never travels in a URL")
    void search_is_audited_masked() {
        ConsoleClient support = as(Role.SUPPORT);
        String national = phone.substring(3); // 139xxxxxxxx, the national form
        ConsoleClient.Page result = support.post("/admin/subjects", Map.of("q", national));
        assertThat(result.status()).isEqualTo(200);
        assertThat(result.body()).contains(adult).contains("+86 " + national.substring(0, 3) + "****"
                + national.substring(7)).doesNotContain(national);
        List<AuditEntry> entries = audit.find(new AuditFilter(users.get(Role.SUPPORT), AccessAudit.SEARCH_SUBJECT,
                null, null, null, false, 10));
        assertThat(entries).singleElement().satisfies(e -> {
            assertThat(e.subjectId()).isEqualTo(adult);
            assertThat(e.maskedIdentifier()).isEqualTo("phone:+86 " + national.substring(0, 3) + "****"
                    + national.substring(7));
        });
        assertThat(support.get("/admin/subjects?q=" + national).body()).doesNotContain(adult);
    }

    @Test
    @DisplayName("PIPL-51 revealing needs a reason; the reveal is audited with it and shows the identifier once")
    void reveal_needs_a_reason_and_is_audited() {
        ConsoleClient support = as(Role.SUPPORT);
        ConsoleClient.Page noReason = support.post("/admin/subjects/" + adult + "/reveal",
                Map.of("identifier", "0", "reason", ""));
        assertThat(noReason.status()).isEqualTo(200);
        assertThat(noReason.body()).contains("data-reveal-error").doesNotContain(phone);
        ConsoleClient.Page shown = support.post("/admin/subjects/" + adult + "/reveal",
                Map.of("identifier", "0", "reason", "caller " + phone + " asked to verify"));
        assertThat(shown.body()).contains("data-revealed").contains(phone);
        AuditEntry entry = audit.find(new AuditFilter(users.get(Role.SUPPORT), AccessAudit.REVEAL_IDENTIFIER, adult,
                null, null, false, 10)).get(0);
        assertThat(entry.reason()).startsWith("caller +86").doesNotContain(phone.substring(3));
        assertThat(entry.maskedIdentifier()).startsWith("phone:+86 ").contains("****");
        assertThat(as(Role.SUPPORT).get("/admin/subjects/" + adult).body()).doesNotContain(phone);
    }

    @Test
    @DisplayName("sign-in: unauthenticated pages redirect to the form; a wrong password creates no session; CSRF holds")
    void sign_in_and_csrf() {
        ConsoleClient anonymous = new ConsoleClient(port);
        ConsoleClient.Page ledger = anonymous.get("/admin/ledger");
        assertThat(ledger.status()).isEqualTo(302);
        assertThat(ledger.location()).endsWith("/admin/login");
        ConsoleClient.Page wrong = anonymous.signIn(users.get(Role.ADMIN), "not-the-password");
        assertThat(wrong.status()).isEqualTo(302);
        assertThat(wrong.location()).endsWith("/admin/login?error");
        assertThat(anonymous.cookie("JSESSIONID")).isNull();
        assertThat(anonymous.get("/admin/login?error").body()).contains("data-login-error").contains("name=\"username\"")
                .contains("name=\"password\"");
        assertThat(anonymous.cookie("JSESSIONID")).isNull();

        ConsoleClient admin = as(Role.ADMIN);
        assertThat(admin.cookie("JSESSIONID")).isNotNull();
        assertThat(admin.postWithToken("/admin/ledger/verify", Map.of(), null).status()).isEqualTo(403);
        assertThat(admin.postWithToken("/admin/ledger/verify", Map.of(), "forged").status()).isEqualTo(403);
        ConsoleClient.Page out = admin.post("/admin/logout", Map.of());
        assertThat(out.status()).isEqualTo(302);
        assertThat(admin.get("/admin").status()).isEqualTo(302);
    }
}
