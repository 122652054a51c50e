package com.consento.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.consento.testing.Api;
import com.consento.testing.IntegrationTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Throws malformed, oversized, deeply nested, mistyped, control-character, injection-shaped and every-plane
 * unicode input at each write endpoint: never a 5xx, every refusal a problem+json. Seeded, so a failure
 * reproduces.
 */
@IntegrationTest
class HostileInputIT {
    private static final String[] ENDPOINTS = {"POST /api/v1/consent-events", "POST /api/v1/subjects",
            "PUT /api/v1/purposes/fuzz_target", "POST /api/v1/notices", "POST /api/v1/decisions/batch",
            "POST /api/v1/api-keys", "POST /api/v1/subjects/merge", "PUT /api/v1/subjects/sub_1_deadbeef/profile",
            "POST /api/v1/subjects/sub_1_deadbeef/requests", "POST /api/v1/subjects/sub_1_deadbeef/identifiers",
            "PUT /api/v1/api-keys/key_deadbeef/rate-limit"};
    private static final String[] NASTY = {"' OR 1=1 --", "\"; DROP TABLE consent_event; --", "<script>alert(1)</script>",
            "${jndi:ldap://127.0.0.1/x}", "../../etc/passwd", "\u0000\u0001\u0007\u001b", "\uD83D\uDE00\uD800",
            "\uFFFF\uFFFE", "𠜎𠜱𠝹", "\u202Eevil", "NaN", "-1e309", "9".repeat(400), "null", "true", "[]", "{}"};
    @LocalServerPort
    int port;
    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(port);
    }

    @Test
    @DisplayName("hostile bodies at every write endpoint get a 4xx problem, never a 5xx")
    void hostile_bodies_never_cause_5xx() {
        Random random = new Random(20261130);
        List<String> failures = new ArrayList<>();
        for (String endpoint : ENDPOINTS) {
            String[] parts = endpoint.split(" ");
            for (String body : bodies(random)) {
                Api.Response r = api.raw(parts[0], parts[1], "application/json", body);
                if (r.status() >= 500 || (r.status() >= 400 && !r.contentType().startsWith("application/problem+json"))) {
                    failures.add(endpoint + " -> " + r.status() + " " + r.contentType() + " for "
                            + body.substring(0, Math.min(120, body.length())));
                }
            }
        }
        assertThat(failures).isEmpty();
    }

    @Test
    @DisplayName("hostile query parameters on read endpoints are answered, never a 5xx")
    void hostile_queries_never_cause_5xx() {
        List<String> failures = new ArrayList<>();
        for (String nasty : NASTY) {
            String q = java.net.URLEncoder.encode(nasty, java.nio.charset.StandardCharsets.UTF_8);
            for (String path : List.of("/api/v1/decisions?subject=" + q + "&purpose=" + q + "&channel=" + q,
                    "/api/v1/subjects/lookup?type=phone&value=" + q, "/api/v1/subjects/lookup?type=" + q + "&value=1",
                    "/api/v1/subjects/" + q + "/consents?at=" + q, "/api/v1/receipts/" + q, "/api/v1/notices/" + q,
                    "/api/v1/requests?status=" + q, "/api/v1/compliance/evidence?from=" + q + "&to=" + q)) {
                Api.Response r = api.get(path);
                if (r.status() >= 500) {
                    failures.add(path + " -> " + r.status());
                }
            }
        }
        assertThat(failures).isEmpty();
    }

    private static List<String> bodies(Random random) {
        List<String> bodies = new ArrayList<>();
        bodies.add("");
        bodies.add("{");
        bodies.add("not json at all");
        bodies.add("[" .repeat(5000) + "]".repeat(5000));
        bodies.add("{\"a\":".repeat(3000) + "1" + "}".repeat(3000));
        bodies.add("{\"events\": [" + "{\"purpose\": 1},".repeat(50) + "{}]}");
        bodies.add("{\"events\": {\"not\": \"a list\"}}");
        bodies.add("{\"events\": [{\"subject\": [1, 2], \"capturedAt\": 12}]}");
        bodies.add("{\"identifiers\": \"phone\"}");
        bodies.add("{\"checks\": [null, 1, \"x\"]}");
        bodies.add("{\"name\": {\"en\": null}, \"legalBasis\": 7}");
        bodies.add("{\"x\": \"" + "\\u0000".repeat(100) + "\"}");
        bodies.add("{\"survivor\": {}, \"merged\": []}");
        for (String nasty : NASTY) {
            String s = nasty.replace("\\", "\\\\").replace("\"", "\\\"");
            bodies.add("{\"events\": [{\"subject\": {\"id\": \"" + s + "\"}, \"purpose\": \"" + s + "\", \"action\": \""
                    + s + "\", \"touchpoint\": \"" + s + "\", \"capturedAt\": \"" + s + "\", \"noticeVersion\": \""
                    + s + "\", \"channel\": \"" + s + "\", \"evidence\": {\"" + s + "\": \"" + s + "\"}}]}");
            bodies.add("{\"identifiers\": [{\"type\": \"" + s + "\", \"value\": \"" + s + "\"}], \"profile\": {\"birthDate\": \""
                    + s + "\"}}");
            bodies.add("{\"name\": {\"en\": \"" + s + "\"}, \"legalBasis\": \"" + s + "\", \"channels\": [\"" + s
                    + "\"], \"validityDays\": \"" + s + "\", \"retentionDays\": -5}");
            // rate limits as strings, and as bare tokens (NaN, -1e309, 400 digits) where they parse as numbers
            bodies.add("{\"name\": \"k\", \"scopes\": [\"decision:read\"], \"rateLimit\": \"" + s
                    + "\", \"burst\": \"" + s + "\"}");
            bodies.add("{\"name\": \"k\", \"scopes\": [\"decision:read\"], \"rateLimit\": " + nasty
                    + ", \"burst\": " + nasty + "}");
            bodies.add("{\"type\": \"" + s + "\", \"details\": \"" + s + "\", \"name\": \"" + s + "\", \"scopes\": [\""
                    + s + "\"], \"survivor\": \"" + s + "\", \"merged\": \"" + s + "\"}");
        }
        for (int i = 0; i < 20; i++) {
            StringBuilder b = new StringBuilder();
            int len = random.nextInt(400);
            for (int j = 0; j < len; j++) {
                int cp = random.nextInt(10) < 7 ? 32 + random.nextInt(95) : random.nextInt(0x10FFFF);
                if (cp >= 0xD800 && cp <= 0xDFFF) {
                    cp = 0xFFFD;
                }
                b.appendCodePoint(cp);
            }
            bodies.add(b.toString());
            bodies.add("{\"events\": [{\"purpose\": \"" + b.toString().replace("\\", "").replace("\"", "") + "\"}]}");
        }
        return bodies;
    }
}
