package com.consento.channels;

import static org.assertj.core.api.Assertions.assertThat;

import com.consento.testing.Api;
import com.consento.testing.Fixtures;
import com.consento.testing.IntegrationTest;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@IntegrationTest
class ConsentImportIT {
    private static final String HEADER = "identifierType,identifier,purpose,channel,action,noticeVersion,capturedAt,storeId,staffId";
    @LocalServerPort
    int port;
    @Autowired
    ConsentImporter importer;
    @Autowired
    JsonMapper json;
    Api api;
    Fixtures fx;
    Instant now;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        fx = new Fixtures(api);
        now = Instant.now().minusSeconds(3600).truncatedTo(ChronoUnit.SECONDS);
    }

    private Api.Response post(String csv) {
        return api.raw("POST", "/api/v1/imports/consents", "text/csv; charset=utf-8", csv);
    }

    /** A large upload, with more patience than the shared client's 30 s. */
    private JsonNode postLarge(String csv) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/api/v1/imports/consents"))
                .header("Authorization", "Bearer " + Api.ADMIN_KEY).header("Content-Type", "text/csv")
                .timeout(java.time.Duration.ofMinutes(5))
                .POST(HttpRequest.BodyPublishers.ofString(csv, StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return json.readTree(r.body());
    }

    private static List<Integer> lines(JsonNode report) {
        List<Integer> lines = new ArrayList<>();
        report.get("rejected").forEach(r -> lines.add(r.get("line").asInt()));
        return lines;
    }

    private JsonNode lastEvent(String phone) {
        String id = api.get("/api/v1/subjects/lookup?type=phone&value=" + phone.replace("+", "%2B")).json()
                .get("subjectId").asString();
        JsonNode events = api.get("/api/v1/subjects/" + id + "/consent-events").json().get("events");
        return events.get(events.size() - 1);
    }

    @Test
    @DisplayName("CSV import: BOM, CRLF, quoted fields, blank lines; good rows stored, bad rows reported by physical line")
    void mixed_file_exact_report() {
        String mkt = fx.marketingPurpose(0);
        String notice = fx.notice(false, mkt);
        String[] p = new String[9];
        for (int i = 0; i < p.length; i++) {
            p[i] = Fixtures.phone();
        }
        String at = now.toString();
        String csv = "\uFEFF" + HEADER + "\r\n"                                                              // 1
                + "phone,%s,%s,sms,GRANT,%s,%s,,\r\n".formatted(p[1], mkt, notice, at)                      // 2 ok
                + "phone,%s,%s,email,grant,%s,%s,S001,E42\r\n".formatted(p[2], mkt, notice, at)             // 3 ok, store
                + "\r\n"                                                                                      // 4 blank
                + "phone,%s,no_such_purpose_x,sms,GRANT,%s,%s,,\r\n".formatted(p[3], notice, at)             // 5 purpose
                + "\"phone\",\" %s \",\"%s\",\"sms\",\"GRANT\",\"%s\",\"%s\",\"Store, \"\"Main\"\"\",\r\n"
                        .formatted(p[4], mkt, notice, at)                                                    // 6 ok, quoted
                + "phone,12345,%s,sms,GRANT,%s,%s,,\r\n".formatted(mkt, notice, at)                          // 7 identifier
                + "phone,%s,%s,sms,GRANT,,%s,,\r\n".formatted(p[5], mkt, at)                                 // 8 no notice
                + "phone,%s,%s,sms,GRANT,%s,yesterday,,\r\n".formatted(p[6], mkt, notice)                    // 9 capturedAt
                + "phone,%s,%s,sms\r\n".formatted(p[7], mkt)                                                 // 10 fields
                + "member,\"M-1\r\nsecond line\",%s,sms,GRANT,%s,%s,,\r\n".formatted(mkt, notice, at)        // 11-12 control
                + ",,,,,,,,\r\n"                                                                              // 13 empty
                + "phone,%s,%s,sms,WITHDRAW,,%s,,".formatted(p[8], mkt, at);                                 // 14 ok, no EOL
        Api.Response r = post(csv);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonNode report = r.json();
        assertThat(report.get("imported").asInt()).isEqualTo(4);
        assertThat(lines(report)).containsExactly(5, 7, 8, 9, 10, 11);
        assertThat(report.get("rejected").get(0).get("error").asString()).contains("purpose").contains("no_such_purpose_x");
        assertThat(report.get("rejected").get(1).get("error").asString()).startsWith("identifier:");
        assertThat(report.get("rejected").get(2).get("error").asString()).startsWith("noticeVersion:");
        assertThat(report.get("rejected").get(3).get("error").asString()).startsWith("capturedAt:");
        assertThat(report.get("rejected").get(4).get("error").asString()).contains("expected 9 fields");

        assertThat(fx.decision(p[1], mkt, "sms")).isEqualTo("GRANTED");
        assertThat(fx.decision(p[2], mkt, "email")).isEqualTo("GRANTED");
        assertThat(fx.decision(p[4], mkt, "sms")).isEqualTo("GRANTED");
        assertThat(fx.decision(p[8], mkt, "sms")).isEqualTo("WITHDRAWN");
        JsonNode plain = lastEvent(p[1]);
        assertThat(plain.get("touchpoint").asString()).isEqualTo("IMPORT");
        assertThat(Instant.parse(plain.get("capturedAt").asString())).isEqualTo(now);
        JsonNode store = lastEvent(p[2]);
        assertThat(store.get("touchpoint").asString()).isEqualTo("STORE");
        assertThat(store.get("evidence").get("storeId").asString()).isEqualTo("S001");
        assertThat(store.get("evidence").get("staffId").asString()).isEqualTo("E42");
        assertThat(lastEvent(p[4]).get("evidence").get("storeId").asString()).isEqualTo("Store, \"Main\"");
        assertThat(api.get("/api/v1/subjects/lookup?type=phone&value=" + p[3].replace("+", "%2B")).status())
                .isEqualTo(404);
    }

    @Test
    @DisplayName("CSV import: a wrong, reordered or missing header is refused with 422 and nothing is imported")
    void wrong_header() {
        String mkt = fx.marketingPurpose(0);
        String notice = fx.notice(false, mkt);
        String phone = Fixtures.phone();
        String row = "phone,%s,%s,sms,GRANT,%s,%s,,\n".formatted(phone, mkt, notice, now);
        for (String header : List.of("identifier,identifierType,purpose,channel,action,noticeVersion,capturedAt,storeId,staffId",
                "identifierType,identifier,purpose,channel,action,noticeVersion,capturedAt", "")) {
            Api.Response r = post(header + "\n" + row);
            assertThat(r.status()).as(header).isEqualTo(422);
            assertThat(r.contentType()).startsWith("application/problem+json");
            assertThat(r.json().get("type").asString()).endsWith("/invalid-csv-header");
        }
        assertThat(post("").status()).isEqualTo(422);
        assertThat(api.get("/api/v1/subjects/lookup?type=phone&value=" + phone.replace("+", "%2B")).status())
                .isEqualTo(404);
        assertThat(api.raw("POST", "/api/v1/imports/consents", "application/json", "{}").status()).isEqualTo(415);
    }

    @Test
    @DisplayName("CSV import: a GBK file from an older CRM is read in the charset its Content-Type names")
    void gbk_charset() throws Exception {
        String mkt = fx.marketingPurpose(0);
        String notice = fx.notice(false, mkt);
        String phone = Fixtures.phone();
        String csv = HEADER + "\nphone,%s,%s,sms,GRANT,%s,%s,静安店,张三\n".formatted(phone, mkt, notice, now);
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/api/v1/imports/consents"))
                .header("Authorization", "Bearer " + Api.ADMIN_KEY).header("Content-Type", "text/csv; charset=GBK")
                .POST(HttpRequest.BodyPublishers.ofByteArray(csv.getBytes(Charset.forName("GBK")))).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(json.readTree(r.body()).get("imported").asInt()).as(r.body()).isEqualTo(1);
        assertThat(lastEvent(phone).get("evidence").get("storeId").asString()).isEqualTo("静安店");
    }

    @Test
    @DisplayName("CSV import: 50,000 rows stream in batches; every good row is imported, each bad one reported")
    void fifty_thousand_rows() throws Exception {
        List<String> purposes = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            purposes.add(fx.marketingPurpose(0));
        }
        String notice = fx.notice(false, purposes.toArray(String[]::new));
        String at = now.toString();
        StringBuilder csv = new StringBuilder(5_000_000).append(HEADER).append('\n');
        List<Integer> bad = new ArrayList<>();
        int line = 1;
        int good = 0;
        String phone = null;
        for (int i = 0; good < 50_000; i++) {
            if (i % 2000 == 1999) { // one bad row every 2,000, in every batch and across batch edges
                csv.append("phone,").append(Fixtures.phone()).append(",unknown_purpose,sms,GRANT,").append(notice)
                        .append(',').append(at).append(",,\n");
                bad.add(++line);
                continue;
            }
            if (good % 10 == 0) {
                phone = Fixtures.phone();
            }
            String purpose = purposes.get(good % 10 / 2);
            String channel = good % 2 == 0 ? "sms" : "email";
            csv.append("phone,").append(phone).append(',').append(purpose).append(',').append(channel).append(",GRANT,")
                    .append(notice).append(',').append(at).append(",S").append(good % 97).append(",\n");
            line++;
            good++;
        }
        long started = System.nanoTime();
        JsonNode report = postLarge(csv.toString());
        long millis = (System.nanoTime() - started) / 1_000_000;
        assertThat(report.get("imported").asInt()).isEqualTo(50_000);
        assertThat(lines(report)).isEqualTo(bad);
        assertThat(bad).hasSize(25);
        assertThat(fx.decision(phone, purposes.get(4), "email")).isEqualTo("GRANTED");
        System.out.printf("imported 50,000 rows (+%d rejected) in %d ms%n", bad.size(), millis);
    }

    @Test
    @DisplayName("import-consents FILE prints the JSON report; exit 0 all imported, 1 some refused, 2 unusable file")
    void command_line_task(@TempDir Path dir) throws Exception {
        String mkt = fx.marketingPurpose(0);
        String notice = fx.notice(false, mkt);
        String phone = Fixtures.phone();
        Path good = dir.resolve("good.csv");
        Files.writeString(good, HEADER + "\nphone,%s,%s,sms,GRANT,%s,%s,S9,E1\n".formatted(phone, mkt, notice, now));
        Path mixed = dir.resolve("mixed.csv");
        Files.writeString(mixed, HEADER + "\n\nphone,%s,%s,email,GRANT,%s,%s,,\nphone,x,%s,sms,GRANT,%s,%s,,\n"
                .formatted(phone, mkt, notice, now, mkt, notice, now));
        Path header = dir.resolve("header.csv");
        Files.writeString(header, "a,b,c\n");

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8);
        assertThat(importer.runTask(good.toString(), o, e)).isZero();
        assertThat(json.readTree(out.toString(StandardCharsets.UTF_8)).get("imported").asInt()).isEqualTo(1);
        out.reset();
        assertThat(importer.runTask(mixed.toString(), o, e)).isEqualTo(1);
        JsonNode report = json.readTree(out.toString(StandardCharsets.UTF_8));
        assertThat(report.get("imported").asInt()).isEqualTo(1);
        assertThat(lines(report)).containsExactly(4);
        assertThat(importer.runTask(header.toString(), o, e)).isEqualTo(2);
        assertThat(importer.runTask(dir.resolve("missing.csv").toString(), o, e)).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("header").contains("no such file");
        assertThat(fx.decision(phone, mkt, "sms")).isEqualTo("GRANTED");
        assertThat(fx.decision(phone, mkt, "email")).isEqualTo("GRANTED");
    }
}
