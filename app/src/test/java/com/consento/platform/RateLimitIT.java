package com.consento.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.consento.testing.Api;
import com.consento.testing.Fixtures;
import com.consento.testing.IntegrationTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Per-key rate limits over HTTP. Each test issues its own low-limit key (5 a second, burst 5), so the global
 * default that every other integration test relies on is never touched.
 */
@IntegrationTest
class RateLimitIT {
    private static final int MAX_TRIES = 200; // 5/s refills one token per 200 ms; 200 local calls take far less
    @LocalServerPort
    int port;
    Api admin;

    @BeforeEach
    void setUp() {
        admin = new Api(port);
    }

    record Key(String id, String secret, Api api) {
    }

    private Key key(String limits) {
        Api.Response r = admin.post("/api/v1/api-keys", "{\"name\": \"" + Fixtures.unique("limited")
                + "\", \"scopes\": [\"decision:read\"]" + limits + "}");
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        String secret = r.json().get("key").asString();
        return new Key(r.json().get("id").asString(), secret, admin.as(secret));
    }

    /** Pings until the first 429 and returns it; {@code served} collects the statuses before it. */
    private static Api.Response pingUntilRefused(Api api, List<Integer> served) {
        for (int i = 0; i < MAX_TRIES; i++) {
            Api.Response r = api.get("/api/v1/ping");
            if (r.status() != 200) {
                return r;
            }
            served.add(r.status());
        }
        throw new AssertionError("never refused in " + MAX_TRIES + " calls");
    }

    @Test
    @DisplayName("a key that sends more than its limit gets 429 problem+json with Retry-After, while other keys are served")
    void over_the_limit_is_refused_and_other_keys_are_not() {
        Key limited = key(", \"rateLimit\": 5, \"burst\": 5");
        Key neighbour = key("");
        List<Integer> served = new ArrayList<>();
        List<Integer> neighbourStatuses = new ArrayList<>();
        Api.Response refused = null;
        for (int i = 0; i < MAX_TRIES && refused == null; i++) {
            Api.Response r = limited.api().get("/api/v1/ping");
            // at the same moment, a key with the default limit and the admin key are served
            neighbourStatuses.add(neighbour.api().get("/api/v1/ping").status());
            neighbourStatuses.add(admin.get("/api/v1/ping").status());
            if (r.status() == 200) {
                served.add(r.status());
            } else {
                refused = r;
            }
        }
        assertThat(refused).as("a burst over 5 is refused").isNotNull();
        assertThat(served).as("the burst of 5 is served in full").hasSizeGreaterThanOrEqualTo(5);
        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        JsonNode problem = refused.json();
        assertThat(problem.get("type").asString()).endsWith("/rate-limited");
        assertThat(problem.get("status").asInt()).isEqualTo(429);
        assertThat(Long.parseLong(refused.header("Retry-After")))
                .as("a 5/s key never waits more than one token's time, rounded up to whole seconds").isEqualTo(1);
        assertThat(neighbourStatuses).containsOnly(200);
        assertThat(neighbour.api().get("/api/v1/ping").status()).isEqualTo(200);
    }

    @Test
    @DisplayName("a refused key is served again once the Retry-After time has passed")
    void served_again_after_retry_after() {
        Key limited = key(", \"rateLimit\": 5, \"burst\": 5");
        Api.Response refused = pingUntilRefused(limited.api(), new ArrayList<>());
        long retryAfter = Long.parseLong(refused.header("Retry-After"));
        assertThat(retryAfter).isGreaterThanOrEqualTo(1);
        // refused calls spend no tokens, so polling does not delay the refill; the slack covers HTTP only
        await().atMost(Duration.ofSeconds(retryAfter).plusMillis(500)).pollInterval(Duration.ofMillis(50))
                .until(() -> limited.api().get("/api/v1/ping").status() == 200);
    }

    @Test
    @DisplayName("raising a key's limit through the API applies at the next request, without a restart")
    void raised_limit_applies_at_once() {
        Key limited = key(", \"rateLimit\": 5, \"burst\": 5");
        assertThat(pingUntilRefused(limited.api(), new ArrayList<>()).status()).isEqualTo(429);

        Api.Response changed = admin.put("/api/v1/api-keys/" + limited.id() + "/rate-limit",
                "{\"rateLimit\": 1000, \"burst\": 50}");
        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
        assertThat(changed.json().get("rateLimit").asDouble()).isEqualTo(1000);
        assertThat(changed.json().get("burst").asLong()).isEqualTo(50);

        for (int i = 0; i < 50; i++) {
            assertThat(limited.api().get("/api/v1/ping").status()).as("call %d of the new burst of 50", i + 1)
                    .isEqualTo(200);
        }
        JsonNode view = admin.get("/api/v1/api-keys/" + limited.id()).json();
        assertThat(view.get("rateLimit").asDouble()).isEqualTo(1000);
        assertThat(view.get("burst").asLong()).isEqualTo(50);
        assertThat(view.get("rateLimitDefault").asBoolean()).isFalse();
        assertThat(view.has("key")).as("the secret is shown once, at issue").isFalse();

        admin.put("/api/v1/api-keys/" + limited.id() + "/rate-limit", "{\"rateLimit\": 1, \"burst\": 1}");
        assertThat(limited.api().get("/api/v1/ping").status()).isEqualTo(200);
        assertThat(limited.api().get("/api/v1/ping").status()).as("lowered to 1 at once").isEqualTo(429);
    }

    @Test
    @DisplayName("a key's JSON shows the limit in force: its own, or the global default when it has none")
    void key_json_shows_its_limit() {
        Api.Response own = admin.post("/api/v1/api-keys", "{\"name\": \"slow batch\", \"scopes\": [\"decision:read\"], "
                + "\"rateLimit\": 0.5}");
        assertThat(own.status()).as(own.body()).isEqualTo(201);
        assertThat(own.json().get("rateLimit").asDouble()).isEqualTo(0.5);
        assertThat(own.json().get("burst").asLong()).as("one second's worth, at least one").isEqualTo(1);
        assertThat(own.json().get("rateLimitDefault").asBoolean()).isFalse();

        Key plain = key("");
        JsonNode view = admin.get("/api/v1/api-keys/" + plain.id()).json();
        assertThat(view.get("rateLimitDefault").asBoolean()).isTrue();
        assertThat(view.get("rateLimit").asDouble()).isPositive();
        assertThat(view.get("scopes").get(0).asString()).isEqualTo("decision:read");

        String id = own.json().get("id").asString();
        JsonNode reset = admin.put("/api/v1/api-keys/" + id + "/rate-limit", "{}").json();
        assertThat(reset.get("rateLimitDefault").asBoolean()).as("{} sets it back to the default").isTrue();
        assertThat(reset.get("rateLimit").asDouble()).isEqualTo(view.get("rateLimit").asDouble());
    }

    @Test
    @DisplayName("a bad rateLimit or burst is a problem naming its JSON pointer, and nothing changes")
    void bad_limits_are_refused_by_pointer() {
        for (String body : List.of("\"rateLimit\": 0", "\"rateLimit\": -5", "\"rateLimit\": 1e9", "\"rateLimit\": \"NaN\"")) {
            assertProblem(admin.post("/api/v1/api-keys", "{\"name\": \"bad\", \"scopes\": [\"decision:read\"], " + body
                    + "}"), 422, "/rateLimit");
        }
        for (String body : List.of("\"burst\": 0", "\"burst\": 2.5", "\"burst\": 99999999")) {
            assertProblem(admin.post("/api/v1/api-keys", "{\"name\": \"bad\", \"scopes\": [\"decision:read\"], " + body
                    + "}"), 422, "/burst");
        }
        assertProblem(admin.post("/api/v1/api-keys", "{\"name\": \"bad\", \"scopes\": [\"decision:read\"], "
                + "\"rateLimit\": \"fast\"}"), 400, "/rateLimit");

        Key limited = key(", \"rateLimit\": 5, \"burst\": 5");
        String path = "/api/v1/api-keys/" + limited.id() + "/rate-limit";
        assertProblem(admin.put(path, "{\"rateLimit\": 0, \"burst\": 0}"), 422, "/rateLimit");
        assertProblem(admin.put(path, "{\"burst\": [1]}"), 400, "/burst");
        assertThat(admin.get("/api/v1/api-keys/" + limited.id()).json().get("rateLimit").asDouble()).isEqualTo(5);

        Api.Response unknown = admin.put("/api/v1/api-keys/key_nosuchkey/rate-limit", "{\"rateLimit\": 5}");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.contentType()).startsWith("application/problem+json");
        assertThat(limited.api().put(path, "{\"rateLimit\": 10000}").status()).as("only admins change limits")
                .isEqualTo(403);
    }

    private static void assertProblem(Api.Response r, int status, String pointer) {
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        assertThat(r.contentType()).startsWith("application/problem+json");
        List<String> pointers = new ArrayList<>();
        r.json().get("errors").forEach(e -> pointers.add(e.get("pointer").asString()));
        assertThat(pointers).as(r.body()).contains(pointer);
    }

    @Test
    @DisplayName("an operator sees each refusal in consento_rate_limited_total, tagged by key id and never the secret")
    void refusals_are_counted_per_key() {
        Key limited = key(", \"rateLimit\": 5, \"burst\": 5");
        assertThat(pingUntilRefused(limited.api(), new ArrayList<>()).status()).isEqualTo(429);
        int refusals = 1;
        while (refusals < 3 && limited.api().get("/api/v1/ping").status() == 429) {
            refusals++;
        }
        String metrics = admin.as(null).get("/actuator/prometheus").body();
        Matcher m = Pattern.compile("(?m)^consento_rate_limited_total\\{[^}]*key=\"" + limited.id()
                + "\"[^}]*} (\\S+)$").matcher(metrics);
        assertThat(m.find()).as(metrics.lines().filter(l -> l.contains("rate_limited")).toList().toString()).isTrue();
        assertThat(Double.parseDouble(m.group(1))).isEqualTo(refusals);
        assertThat(metrics).doesNotContain(limited.secret());
    }
}
