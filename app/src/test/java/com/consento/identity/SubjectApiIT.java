package com.consento.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.consento.testing.Api;
import com.consento.testing.Fixtures;
import com.consento.testing.IntegrationTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

@IntegrationTest
class SubjectApiIT {
    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Value("${consento.data-dir}")
    String dataDir;
    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(port);
    }

    @Test
    @DisplayName("a subject is found by any normalised form of its phone number")
    void lookup_normalises() {
        String phone = Fixtures.phone();
        String national = phone.substring(3);
        String id = api.post("/api/v1/subjects", """
                {"identifiers": [{"type": "phone", "value": "%s"}, {"type": "email", "value": "Ann.%s@Example.COM"}],
                 "profile": {"birthDate": "1990-05-31", "city": "上海", "tier": "gold"}}"""
                .formatted(national, national)).json().get("subjectId").asString();
        assertThat(api.get("/api/v1/subjects/lookup?type=phone&value=" + national).json().get("subjectId").asString())
                .isEqualTo(id);
        assertThat(api.get("/api/v1/subjects/lookup?type=phone&value=%2B86%20" + national).json().get("subjectId")
                .asString()).isEqualTo(id);
        assertThat(api.get("/api/v1/subjects/lookup?type=email&value=ann." + national + "@example.com").json()
                .get("subjectId").asString()).isEqualTo(id);
        assertThat(api.get("/api/v1/subjects/lookup?type=phone&value=13000000001").status()).isEqualTo(404);
        assertThat(api.get("/api/v1/subjects/" + id + "/profile").json().get("city").asString()).isEqualTo("上海");
    }

    @Test
    @DisplayName("PIPL-46 a corrected phone number finds the subject and the wrong one no longer does")
    void correction_replaces_identifier() {
        String wrong = Fixtures.phone();
        String right = Fixtures.phone();
        String id = api.post("/api/v1/subjects", "{\"identifiers\": [{\"type\": \"phone\", \"value\": \"" + wrong
                + "\"}]}").json().get("subjectId").asString();
        Api.Response r = api.put("/api/v1/subjects/" + id + "/identifiers",
                "{\"type\": \"phone\", \"old\": \"" + wrong + "\", \"value\": \"" + right + "\"}");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(api.get("/api/v1/subjects/lookup?type=phone&value=" + wrong.replace("+", "%2B")).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/subjects/lookup?type=phone&value=" + right.replace("+", "%2B")).json()
                .get("subjectId").asString()).isEqualTo(id);
        assertThat(api.put("/api/v1/subjects/" + id + "/identifiers",
                "{\"type\": \"phone\", \"old\": \"" + wrong + "\", \"value\": \"" + right + "\"}").status())
                .isEqualTo(404);
    }

    @Test
    @DisplayName("an invalid identifier is a 422 that points at it")
    void invalid_identifier() {
        Api.Response r = api.post("/api/v1/subjects", "{\"identifiers\": [{\"type\": \"phone\", \"value\": \"12\"}]}");
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.json().get("errors").get(0).get("pointer").asString()).isEqualTo("/identifiers/0/value");
    }

    @Test
    @DisplayName("PIPL-51 identifiers and profiles are encrypted at rest: the raw database holds no phone or e-mail")
    void identifiers_encrypted_at_rest() throws Exception {
        String phone = Fixtures.phone();
        String email = "secret." + phone.substring(4) + "@example.com";
        api.post("/api/v1/subjects", """
                {"identifiers": [{"type": "phone", "value": "%s"}, {"type": "email", "value": "%s"}],
                 "profile": {"city": "Hangzhou-%s"}}""".formatted(phone, email, phone.substring(4)));
        assertThat(jdbc.queryForList("SELECT value_enc FROM identifier", String.class))
                .noneMatch(v -> v.contains(phone.substring(3)) || v.contains(email));
        assertThat(jdbc.queryForList("SELECT profile_enc FROM subject WHERE profile_enc IS NOT NULL", String.class))
                .noneMatch(v -> v.contains("Hangzhou"));
        if (!System.getProperty("consento.test.db", "sqlite").equals("postgres")) {
            jdbc.execute("PRAGMA wal_checkpoint(FULL)");
            try (Stream<Path> files = Files.list(Path.of(dataDir))) {
                for (Path f : files.filter(Files::isRegularFile).toList()) {
                    String raw = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
                    assertThat(raw).as(f.toString()).doesNotContain(phone.substring(3)).doesNotContain(email);
                }
            }
        }
    }
}
