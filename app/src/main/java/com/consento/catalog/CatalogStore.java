package com.consento.catalog;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/** Purposes and notices as rows; the documents are stored whole as JSON so new fields need no migration. */
@Repository
class CatalogStore {
    private final JdbcClient jdbc;
    private final JsonMapper json;

    CatalogStore(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    Map<String, Purpose> purposes() {
        Map<String, Purpose> all = new HashMap<>();
        jdbc.sql("SELECT doc FROM purpose").query(String.class).list()
                .forEach(doc -> {
                    Purpose p = json.readValue(doc, Purpose.class);
                    all.put(p.code(), p);
                });
        return all;
    }

    List<Notice> notices() {
        return jdbc.sql("SELECT doc FROM notice ORDER BY sequence").query(String.class).list().stream()
                .map(doc -> json.readValue(doc, Notice.class)).toList();
    }

    boolean savePurpose(Purpose p, long now) {
        String doc = json.writeValueAsString(p);
        int updated = jdbc.sql("UPDATE purpose SET doc = ?, updated_at = ? WHERE code = ?")
                .params(doc, now, p.code()).update();
        if (updated == 0) {
            jdbc.sql("INSERT INTO purpose (code, doc, created_at, updated_at) VALUES (?, ?, ?, ?)")
                    .params(p.code(), doc, now, now).update();
            return true;
        }
        return false;
    }

    long nextNoticeSequence() {
        jdbc.sql("UPDATE counter SET value = value + 1 WHERE name = 'notice'").update();
        return jdbc.sql("SELECT value FROM counter WHERE name = 'notice'").query(Long.class).single();
    }

    void insertNotice(Notice n) {
        jdbc.sql("INSERT INTO notice (version, sequence, doc, content_sha256, material, effective_at, published_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?)")
                .params(n.version(), n.sequence(), json.writeValueAsString(n), n.contentSha256(), n.material(),
                        n.takesEffectAt().toEpochMilli(), n.publishedAt().toEpochMilli())
                .update();
    }
}
