package com.consento.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import com.consento.access.AccessAudit;
import com.consento.access.AuditEntry;
import com.consento.access.AuditFilter;
import com.consento.identity.IdentityService;
import com.consento.testing.Api;
import com.consento.testing.Fixtures;
import com.consento.testing.IntegrationTest;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The breach scope (PIPL-57) over the real API: staff accesses come from the access audit log, holders from the
 * ledger as they stood at the window's end. Other tests write at the same time, so every assertion names the
 * subjects, purposes and data categories this test made.
 */
@IntegrationTest
class BreachScopeIT {
    private static final String PATH = "/api/v1/compliance/breach-scope";
    @LocalServerPort
    int port;
    @Autowired
    AccessAudit audit;
    final Map<String, String> phones = new HashMap<>();
    Api api;
    Fixtures fx;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        fx = new Fixtures(api);
    }

    @Test
    @DisplayName("PIPL-57 staff accesses to a subject inside the window are listed with who, when and why; those outside are not")
    void staff_reads_inside_the_window_only() throws Exception {
        String purpose = fx.marketingPurpose(0);
        String notice = fx.notice(false, purpose);
        String before = Fixtures.phone();
        String inside = Fixtures.phone();
        String after = Fixtures.phone();
        Map<String, String> ids = new HashMap<>();
        for (String phone : List.of(before, inside, after)) {
            ids.put(phone, subjectOf(fx.event(phone, purpose, "sms", "GRANT", notice, Instant.now().minusSeconds(60))));
        }
        String staff = Fixtures.unique("dpo");
        reveal(staff, before, ids.get(before));
        Thread.sleep(20);
        Instant from = Instant.now();
        Thread.sleep(5);
        reveal(staff, inside, ids.get(inside));
        Thread.sleep(5);
        Instant to = Instant.now();
        Thread.sleep(20);
        reveal(staff, after, ids.get(after));

        Instant called = Instant.now();
        Api.Response r = api.get(PATH + "?from=" + from + "&to=" + to);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonNode body = r.json();
        List<JsonNode> mine = new ArrayList<>();
        body.get("staffAccesses").forEach(a -> {
            if (staff.equals(a.get("staff").asString())) {
                mine.add(a);
            }
        });
        assertThat(mine).hasSize(1);
        JsonNode access = mine.get(0);
        assertThat(access.get("subjectId").asString()).isEqualTo(ids.get(inside));
        assertThat(access.get("action").asString()).isEqualTo(AccessAudit.REVEAL_IDENTIFIER);
        assertThat(access.get("identifierType").asString()).isEqualTo("phone");
        assertThat(access.get("reason").asString()).isEqualTo("customer called about an order");
        assertThat(Instant.parse(access.get("at").asString())).isBetween(from, to);
        JsonNode subject = subject(body, ids.get(inside));
        assertThat(subject).as("the subject read inside the window").isNotNull();
        assertThat(subject.get("readByStaff").asBoolean()).isTrue();
        assertThat(subject.get("categories").toString()).contains("phone", BreachScope.STAFF_READ_CATEGORY);
        assertThat(subject(body, ids.get(before))).isNull();
        assertThat(subject(body, ids.get(after))).isNull();
        // subject ids only: neither the phone number nor its masked form
        assertThat(r.body()).doesNotContain(inside.substring(3));
        // the call itself is audited
        List<AuditEntry> logged = audit.find(new AuditFilter(null, AccessAudit.BREACH_SCOPE, null, called, null, false, 50));
        assertThat(logged).anySatisfy(e -> {
            assertThat(e.staff()).startsWith("api-key:");
            assertThat(e.detail()).contains(from.toString());
        });
    }

    @Test
    @DisplayName("PIPL-57 a purpose filter counts the subjects holding a grant at the window's end per purpose and data category, minors flagged")
    void purpose_filter_counts_holders_per_category() throws Exception {
        String catA = Fixtures.unique("cat_contact");
        String catB = Fixtures.unique("cat_orders");
        String p1 = purpose(catA, catB);
        String p2 = purpose(catB);
        String notice = fx.notice(false, p1, p2);
        Instant hourAgo = Instant.now().minusSeconds(3600);
        Instant to = Instant.now().plusSeconds(1);
        Instant from = to.minusSeconds(7200);
        Instant afterWindow = to.plusSeconds(120);
        String a = granted(p1, notice, hourAgo);
        String b = granted(p1, notice, hourAgo);
        assertThat(subjectOf(fx.event(phoneOf(b), p2, "sms", "GRANT", notice, hourAgo))).isEqualTo(b);
        String withdrawn = granted(p1, notice, hourAgo);
        fx.event(phoneOf(withdrawn), p1, "sms", "WITHDRAW", null, hourAgo.plusSeconds(600));
        // withdrawn after the window's end: still held during it, so still affected
        String laterWithdrawn = granted(p1, notice, hourAgo);
        fx.event(phoneOf(laterWithdrawn), p1, "sms", "WITHDRAW", null, afterWindow);
        String grantedAfter = granted(p1, notice, afterWindow);
        String minorPhone = Fixtures.phone();
        Api.Response created = api.post("/api/v1/subjects", """
                {"identifiers": [{"type": "phone", "value": "%s"}], "profile": {"birthDate": "%s"}}"""
                .formatted(minorPhone, LocalDate.now(ZoneOffset.UTC).minusYears(10)));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String minor = created.json().get("subjectId").asString();
        phones.put(minor, minorPhone);
        assertThat(subjectOf(fx.event(minorPhone, p2, "sms", "GRANT", notice, hourAgo))).isEqualTo(minor);

        Api.Response r = api.get(PATH + "?from=" + from + "&to=" + to + "&purposes=" + p1 + "," + p2);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonNode body = r.json();
        assertThat(body.get("selection").get("purposes").toString()).contains(p1, p2);
        JsonNode counts = body.get("counts");
        assertThat(counts.get("byPurpose").get(p1).asInt()).isEqualTo(3);
        assertThat(counts.get("byPurpose").get(p2).asInt()).isEqualTo(2);
        assertThat(counts.get("byCategory").get(catA).asInt()).isEqualTo(3);
        assertThat(counts.get("byCategory").get(catB).asInt()).isEqualTo(4);
        assertThat(counts.get("heldForPurposes").asInt()).isEqualTo(4);
        for (String held : List.of(a, b, laterWithdrawn, minor)) {
            assertThat(subject(body, held)).as(held).isNotNull();
        }
        assertThat(subject(body, withdrawn)).isNull();
        assertThat(subject(body, grantedAfter)).isNull();
        assertThat(subject(body, minor).get("minor").asBoolean()).isTrue();
        assertThat(subject(body, a).get("minor").asBoolean()).isFalse();
        assertThat(subject(body, b).get("purposes").toString()).contains(p1, p2);
        assertThat(subject(body, minor).get("categories").toString()).contains(catB).doesNotContain(catA);
        assertThat(r.body()).doesNotContain(minorPhone.substring(3));

        // a category filter: the purposes listing it, and only that category counted
        JsonNode byCategory = api.get(PATH + "?from=" + from + "&to=" + to + "&categories=" + catA).json();
        assertThat(byCategory.get("selection").get("purposes").toString()).isEqualTo("[\"" + p1 + "\"]");
        assertThat(byCategory.get("counts").get("byCategory").get(catA).asInt()).isEqualTo(3);
        assertThat(byCategory.get("counts").get("byCategory").has(catB)).isFalse();

        // the download for the regulator's form: every affected subject by id, and the staff accesses
        Map<String, String> files = unzip(download(PATH + "?from=" + from + "&to=" + to + "&purposes=" + p1 + ","
                + p2 + "&format=zip"));
        assertThat(files).containsKeys("README.md", "summary.json", "subjects.csv", "staff-accesses.csv");
        assertThat(files.get("subjects.csv")).startsWith("subject_id,minor,erased,read_by_staff,purposes,categories\r\n")
                .contains(a + ",false,false,false," + p1 + "," + catA + " " + catB)
                .contains(minor + ",true,false,false," + p2 + "," + catB)
                .doesNotContain(withdrawn).doesNotContain(grantedAfter).doesNotContain(minorPhone.substring(3));
        assertThat(files.get("summary.json")).contains("\"" + catA + "\" : 3");
        Api.Response csv = api.get(PATH + "?from=" + from + "&to=" + to + "&purposes=" + p1 + "&format=csv");
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        assertThat(csv.body()).contains(laterWithdrawn).doesNotContain(minor);
    }

    @Test
    @DisplayName("PIPL-57 only admin and rights (DPO) keys may produce a breach scope: a marketer's key is refused")
    void marketer_key_is_refused() {
        Api.Response key = api.post("/api/v1/api-keys", "{\"name\": \"" + Fixtures.unique("marketer")
                + "\", \"scopes\": [\"audience\", \"campaign\"]}");
        assertThat(key.status()).as(key.body()).isEqualTo(201);
        Api.Response refused = api.as(key.json().get("key").asString())
                .get(PATH + "?from=2026-01-01T00:00:00Z&to=2026-01-02T00:00:00Z");
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(new Api(port, null).get(PATH + "?from=2026-01-01T00:00:00Z&to=2026-01-02T00:00:00Z").status())
                .isEqualTo(401);
        Api.Response rights = api.post("/api/v1/api-keys", "{\"name\": \"" + Fixtures.unique("dpo")
                + "\", \"scopes\": [\"rights\"]}");
        assertThat(api.as(rights.json().get("key").asString())
                .get(PATH + "?from=2026-01-01T00:00:00Z&to=2026-01-02T00:00:00Z").status()).isEqualTo(200);
    }

    @Test
    @DisplayName("PIPL-57 a bad or missing window is a problem naming the parameter")
    void bad_dates_name_the_parameter() {
        assertProblem(api.get(PATH + "?from=yesterday&to=2026-01-02T00:00:00Z"), 422, "/query/from");
        assertProblem(api.get(PATH + "?from=2026-01-01T00:00:00Z&to=2026-13-02"), 422, "/query/to");
        assertProblem(api.get(PATH + "?from=2026-01-02T00:00:00Z&to=2026-01-01T00:00:00Z"), 422, "/query/to");
        assertProblem(api.get(PATH + "?to=2026-01-02T00:00:00Z"), 400, "/query/from");
        assertProblem(api.get(PATH + "?from=2026-01-01T00:00:00Z"), 400, "/query/to");
        assertProblem(api.get(PATH + "?from=2026-01-01T00:00:00Z&to=2026-01-02T00:00:00Z&purposes="
                + Fixtures.unique("no_such_purpose")), 422, "/query/purposes");
        assertProblem(api.get(PATH + "?from=2026-01-01T00:00:00Z&to=2026-01-02T00:00:00Z&format=pdf"), 422,
                "/query/format");
    }

    private String granted(String purpose, String notice, Instant at) {
        String phone = Fixtures.phone();
        String id = subjectOf(fx.event(phone, purpose, "sms", "GRANT", notice, at));
        phones.put(id, phone);
        return id;
    }

    private String phoneOf(String subjectId) {
        return phones.get(subjectId);
    }

    private String purpose(String... categories) {
        String code = Fixtures.unique("breach");
        String list = String.join("\", \"", categories);
        Api.Response r = api.put("/api/v1/purposes/" + code, """
                {"name": {"zh-CN": "营销信息", "en": "Marketing messages"}, "legalBasis": "CONSENT",
                 "channels": ["sms"], "validityDays": 0, "retentionDays": 365,
                 "dataCategories": ["%s"]}""".formatted(list));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return code;
    }

    private void reveal(String staff, String phone, String subjectId) {
        audit.record(AccessAudit.Event.of(staff, AccessAudit.REVEAL_IDENTIFIER)
                .identifier(IdentityService.parse("phone", phone)).subject(subjectId)
                .reason("customer called about an order"));
    }

    private static String subjectOf(Api.Response r) {
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("receipts").get(0).get("subjectId").asString();
    }

    private static JsonNode subject(JsonNode body, String subjectId) {
        for (JsonNode s : body.get("subjects")) {
            if (subjectId.equals(s.get("subjectId").asString())) {
                return s;
            }
        }
        return null;
    }

    private static void assertProblem(Api.Response r, int status, String pointer) {
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.json().get("errors").get(0).get("pointer").asString()).isEqualTo(pointer);
    }

    private byte[] download(String path) throws Exception {
        HttpResponse<byte[]> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                        + port + path)).header("Authorization", "Bearer " + Api.ADMIN_KEY).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).isEqualTo("application/zip");
        return r.body();
    }

    private static Map<String, String> unzip(byte[] zip) throws Exception {
        Map<String, String> files = new HashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
            for (var e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                files.put(e.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return files;
    }
}
