package com.consento.preferences;

import com.consento.identity.PersonalDataHolder;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** A person's preferences in their export (PIPL-45a), and deleted with them on erasure (ECL-24). */
@Component
class PreferenceData implements PersonalDataHolder {
    private final PreferenceService preferences;
    private final JdbcClient jdbc;

    PreferenceData(PreferenceService preferences, JdbcClient jdbc) {
        this.preferences = preferences;
        this.jdbc = jdbc;
    }

    @Override
    public String section() {
        return "preferences";
    }

    @Override
    public Object export(String subjectId) {
        return preferences.preferences(subjectId);
    }

    @Override
    public Map<String, Object> describe(String subjectId) {
        return Map.of("preferences", jdbc.sql("SELECT COUNT(*) FROM subject_preference WHERE subject_id = ?")
                .param(subjectId).query(Long.class).single());
    }

    @Override
    public void erase(String subjectId) {
        jdbc.sql("DELETE FROM subject_preference WHERE subject_id = ?").param(subjectId).update();
    }
}
