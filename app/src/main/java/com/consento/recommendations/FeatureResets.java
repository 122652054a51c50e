package com.consento.recommendations;

import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * When a person last deleted their recommendation features (NDSR-42), V10__recommendations.sql: features are
 * derived again only from signals recorded since, so a deletion is not undone by the next request.
 */
@Repository
class FeatureResets {
    private final JdbcClient jdbc;

    FeatureResets(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Long> find(String subjectId) {
        return jdbc.sql("SELECT reset_at FROM recommendation_feature_reset WHERE subject_id = ?").param(subjectId)
                .query(Long.class).optional();
    }

    void reset(String subjectId, long at) {
        jdbc.sql("INSERT INTO recommendation_feature_reset (subject_id, reset_at) VALUES (?, ?) "
                + "ON CONFLICT (subject_id) DO UPDATE SET reset_at = excluded.reset_at").params(subjectId, at).update();
    }

    int delete(String subjectId) {
        return jdbc.sql("DELETE FROM recommendation_feature_reset WHERE subject_id = ?").param(subjectId).update();
    }
}
