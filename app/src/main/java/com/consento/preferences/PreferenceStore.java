package com.consento.preferences;

import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** One sealed document per subject; nothing in the row is readable without the subject's key. */
@Repository
class PreferenceStore {
    private final JdbcClient jdbc;

    PreferenceStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record Row(String docEnc, long updatedAt) {
    }

    Optional<Row> find(String subjectId) {
        return jdbc.sql("SELECT doc_enc, updated_at FROM subject_preference WHERE subject_id = ?").param(subjectId)
                .query(Row.class).optional();
    }

    void save(String subjectId, String docEnc, long now) {
        jdbc.sql("INSERT INTO subject_preference (subject_id, doc_enc, created_at, updated_at) VALUES (?, ?, ?, ?) "
                        + "ON CONFLICT (subject_id) DO UPDATE SET doc_enc = excluded.doc_enc, "
                        + "updated_at = excluded.updated_at")
                .params(subjectId, docEnc, now, now).update();
    }
}
