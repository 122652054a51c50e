package com.consento.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.consento.testing.Api;
import com.consento.testing.Fixtures;
import com.consento.testing.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

@IntegrationTest
class ApiSecurityAndProblemsIT {
    @LocalServerPort
    int port;
    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(port);
    }

    @Test
    @DisplayName("a call without a key is 401 problem+json naming the Bearer scheme; a wrong key too")
    void unauthenticated() {
        Api.Response none = api.as(null).get("/api/v1/ping");
        assertThat(none.status()).isEqualTo(401);
        assertThat(none.contentType()).startsWith("application/problem+json");
        assertThat(none.header("WWW-Authenticate")).isEqualTo("Bearer");
        assertThat(api.as("csk_wrong").get("/api/v1/ping").status()).isEqualTo(401);
        assertThat(api.get("/api/v1/ping").json().get("ok").asBoolean()).isTrue();
    }

    @Test
    @DisplayName("a key only does what its scopes allow (403 otherwise), and is shown once")
    void scopes_are_enforced() {
        Api.Response issued = api.post("/api/v1/api-keys", "{\"name\": \"pos terminal\", \"scopes\": [\"decision:read\"]}");
        assertThat(issued.status()).isEqualTo(201);
        String key = issued.json().get("key").asString();
        Api reader = api.as(key);
        assertThat(reader.get("/api/v1/decisions?subject=phone:%2B8613800000000&purpose=x").status()).isEqualTo(200);
        Api.Response forbidden = reader.post("/api/v1/consent-events", "{\"events\": []}");
        assertThat(forbidden.status()).isEqualTo(403);
        assertThat(forbidden.contentType()).startsWith("application/problem+json");
        assertThat(reader.put("/api/v1/purposes/x", "{}").status()).isEqualTo(403);
        assertThat(reader.post("/api/v1/api-keys", "{\"name\": \"x\", \"scopes\": [\"admin\"]}").status()).isEqualTo(403);
        assertThat(api.post("/api/v1/api-keys", "{\"name\": \"x\", \"scopes\": [\"superuser\"]}").status()).isEqualTo(422);
    }

    @Test
    @DisplayName("malformed JSON is a 400 problem that says where")
    void malformed_json() {
        Api.Response r = api.post("/api/v1/consent-events", "{\"events\": [ {\"purpose\": ");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.json().get("type").asString()).endsWith("/malformed-body");
    }

    @Test
    @DisplayName("a wrong JSON type is a 400 problem with the pointer of the field")
    void wrong_type() {
        Api.Response r = api.post("/api/v1/consent-events", "{\"events\": [{\"purpose\": {\"a\": 1}}]}");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("errors").get(0).get("pointer").asString()).isEqualTo("/events/0/purpose");
    }

    @Test
    @DisplayName("an oversize body is refused with 413 and nothing is recorded")
    void oversize_body() {
        String huge = "{\"events\": [], \"pad\": \"" + "x".repeat(11 * 1024 * 1024) + "\"}";
        Api.Response r = api.post("/api/v1/consent-events", huge);
        assertThat(r.status()).isEqualTo(413);
        assertThat(r.contentType()).startsWith("application/problem+json");
    }

    @Test
    @DisplayName("wrong content type, wrong method and unknown paths are 4xx problems, never 5xx")
    void other_client_errors() {
        assertThat(api.raw("POST", "/api/v1/consent-events", "text/plain", "hello").status()).isEqualTo(415);
        assertThat(api.raw("DELETE", "/api/v1/ping", null, null).status()).isIn(403, 405);
        Api.Response missing = api.get("/api/v1/decisions?purpose=x");
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.json().get("detail").asString()).contains("subject");
        assertThat(api.get("/api/v1/subjects/" + Fixtures.unique("nobody") + "/consents").status()).isEqualTo(404);
    }

    @Test
    @DisplayName("operations endpoints answer: health, prometheus, OpenAPI")
    void operations() {
        Api anonymous = api.as(null);
        assertThat(anonymous.get("/actuator/health").body()).contains("UP");
        assertThat(anonymous.get("/actuator/prometheus").body()).contains("jvm_memory_used_bytes");
        assertThat(anonymous.get("/v3/api-docs").body()).contains("/api/v1/consent-events");
        assertThat(anonymous.get("/swagger-ui.html").status()).isLessThan(400);
    }
}
