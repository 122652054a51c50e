package com.consento.preferences;

import static org.assertj.core.api.Assertions.assertThat;

import com.consento.testing.Api;
import com.consento.testing.Fixtures;
import com.consento.testing.IntegrationTest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

@IntegrationTest
class PreferencesApiIT {
    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    PreferenceService service;
    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(port);
    }

    private String subject() {
        Api.Response r = api.post("/api/v1/subjects", "{\"identifiers\": [{\"type\": \"phone\", \"value\": \""
                + Fixtures.phone() + "\"}]}");
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("subjectId").asString();
    }

    private String key(String... scopes) {
        Api.Response r = api.post("/api/v1/api-keys", "{\"name\": \"" + Fixtures.unique("prefs") + "\", \"scopes\": [\""
                + String.join("\", \"", scopes) + "\"]}");
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("key").asString();
    }

    @Test
    @DisplayName("a person who never chose has the defaults: every topic welcome, no cap, no quiet hours")
    void defaults() {
        String id = subject();
        Api.Response r = api.get("/api/v1/subjects/" + id + "/preferences");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonNode body = r.json();
        assertThat(body.get("topics").size()).isZero();
        assertThat(body.get("categories").size()).isZero();
        assertThat(body.path("maxMessagesPerWeek").isMissingNode() || body.get("maxMessagesPerWeek").isNull()).isTrue();
        assertThat(service.preferences(id)).isEqualTo(Preferences.defaults());
    }

    @Test
    @DisplayName("preferences are replaced, read back through the API and the Java API, and encrypted at rest")
    void put_then_get() {
        String id = subject();
        Api.Response put = api.put("/api/v1/subjects/" + id + "/preferences", """
                {"topics": ["birthday", "new_arrivals"], "categories": ["运动鞋", "bags"], "brands": ["Acme-Secret-Brand"],
                 "maxMessagesPerWeek": 3, "quietHours": {"start": "22:00", "end": "08:00"}, "language": "en"}""");
        assertThat(put.status()).as(put.body()).isEqualTo(200);
        JsonNode got = api.get("/api/v1/subjects/" + id + "/preferences").json();
        assertThat(got.get("topics").toString()).isEqualTo("[\"new_arrivals\",\"birthday\"]");
        assertThat(got.get("categories").toString()).isEqualTo("[\"运动鞋\",\"bags\"]");
        assertThat(got.get("maxMessagesPerWeek").asInt()).isEqualTo(3);
        assertThat(got.get("quietHours").get("start").asString()).isEqualTo("22:00");
        assertThat(got.get("quietHours").get("end").asString()).isEqualTo("08:00");
        assertThat(got.get("language").asString()).isEqualTo("en");
        assertThat(got.get("updatedAt").asString()).isNotBlank();

        Preferences p = service.preferences(id);
        assertThat(p.wants(Topic.BIRTHDAY)).isTrue();
        assertThat(p.wants(Topic.PROMOTIONS)).isFalse();
        assertThat(p.quietAt(java.time.LocalTime.of(23, 0))).isTrue();

        String stored = jdbc.queryForObject("SELECT doc_enc FROM subject_preference WHERE subject_id = ?", String.class, id);
        assertThat(stored).doesNotContain("Acme-Secret-Brand").doesNotContain("birthday");

        // a GET answer may be sent back as it is
        assertThat(api.put("/api/v1/subjects/" + id + "/preferences", got.toString()).status()).isEqualTo(200);
        // PUT replaces: what is left out goes back to the default
        assertThat(api.put("/api/v1/subjects/" + id + "/preferences", "{\"maxMessagesPerWeek\": 5}").json()
                .get("topics").size()).isZero();
    }

    @Test
    @DisplayName("invalid preferences are a 422 problem that points at every wrong field")
    void invalid_is_422_with_pointers() {
        String id = subject();
        Api.Response r = api.put("/api/v1/subjects/" + id + "/preferences", """
                {"topics": ["birthday", "gossip"], "maxMessagesPerWeek": -1, "quietHours": {"start": "9pm", "end": "08:00"},
                 "language": "fr", "brands": "Acme"}""");
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.contentType()).startsWith("application/problem+json");
        List<String> pointers = new ArrayList<>();
        r.json().get("errors").forEach(e -> pointers.add(e.get("pointer").asString()));
        assertThat(pointers).containsExactlyInAnyOrder("/topics/1", "/maxMessagesPerWeek", "/quietHours/start",
                "/language", "/brands");
        // nothing was stored
        assertThat(api.get("/api/v1/subjects/" + id + "/preferences").json().get("topics").size()).isZero();
    }

    @Test
    @DisplayName("reading needs subject:read, replacing needs consent:write")
    void scopes() {
        String id = subject();
        String reader = key("subject:read");
        String writer = key("consent:write");
        String decider = key("decision:read");
        assertThat(api.as(reader).get("/api/v1/subjects/" + id + "/preferences").status()).isEqualTo(200);
        assertThat(api.as(reader).put("/api/v1/subjects/" + id + "/preferences", "{}").status()).isEqualTo(403);
        assertThat(api.as(writer).put("/api/v1/subjects/" + id + "/preferences", "{\"topics\": [\"loyalty\"]}")
                .status()).isEqualTo(200);
        assertThat(api.as(decider).get("/api/v1/subjects/" + id + "/preferences").status()).isEqualTo(403);
        assertThat(api.as(null).get("/api/v1/subjects/" + id + "/preferences").status()).isEqualTo(401);
    }

    @Test
    @DisplayName("an unknown subject is a 404")
    void unknown_subject() {
        assertThat(api.get("/api/v1/subjects/sub_doesnotexist/preferences").status()).isEqualTo(404);
        assertThat(api.put("/api/v1/subjects/sub_doesnotexist/preferences", "{}").status()).isEqualTo(404);
    }
}
