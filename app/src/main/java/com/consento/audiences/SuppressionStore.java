package com.consento.audiences;

import java.util.function.BiConsumer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Suppression entries as rows (V7__campaigns.sql): list, subject, reason, when. */
@Repository
class SuppressionStore {
    private final JdbcClient jdbc;

    SuppressionStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Adds an entry; false when the subject was already on that list. */
    boolean add(String list, String subjectId, String reason, long now) {
        int found = jdbc.sql("SELECT COUNT(*) FROM suppression WHERE list_name = ? AND subject_id = ?")
                .params(list, subjectId).query(Integer.class).single();
        if (found > 0) {
            return false;
        }
        jdbc.sql("INSERT INTO suppression (list_name, subject_id, reason, created_at) VALUES (?, ?, ?, ?)")
                .params(list, subjectId, reason, now).update();
        return true;
    }

    boolean remove(String list, String subjectId) {
        return jdbc.sql("DELETE FROM suppression WHERE list_name = ? AND subject_id = ?").params(list, subjectId)
                .update() > 0;
    }

    void forEach(BiConsumer<String, String> listAndSubject) {
        jdbc.sql("SELECT list_name, subject_id FROM suppression").query(rs -> {
            listAndSubject.accept(rs.getString(1), rs.getString(2));
        });
    }
}
