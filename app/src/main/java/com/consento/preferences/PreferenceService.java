package com.consento.preferences;

import com.consento.identity.IdentityService;
import com.consento.identity.SubjectKeys;
import com.consento.shared.Problems;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Service;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The preferences API: read a person's preferences (the defaults when they never chose) and replace them.
 * Campaigns read {@link #preferences(String)}; the API and the preference centre write.
 */
@Service
public class PreferenceService {
    private final PreferenceStore store;
    private final IdentityService identity;
    private final SubjectKeys keys;
    private final JsonMapper json;
    private final Clock clock;

    PreferenceService(PreferenceStore store, IdentityService identity, SubjectKeys keys, JsonMapper json, Clock clock) {
        this.store = store;
        this.identity = identity;
        this.keys = keys;
        this.json = json;
        this.clock = clock;
    }

    /** The subject's preferences, or {@link Preferences#defaults()} when it never saved any. 404 when unknown. */
    public Preferences preferences(String subjectId) {
        String id = identity.requireActive(subjectId);
        return store.find(id).map(row -> open(id, row)).orElseGet(Preferences::defaults);
    }

    /** Validates and stores preferences as sent (a JSON object's fields); 422 with pointers when invalid. */
    public Preferences replace(String subjectId, Map<String, Object> body) {
        identity.requireActive(subjectId);
        Problems problems = new Problems();
        Preferences parsed = PreferenceRules.parse(body, problems);
        problems.throwIfAny("invalid-preferences");
        return replace(subjectId, parsed);
    }

    /** Stores preferences built in Java; they are checked by the same rules as the API's. */
    public Preferences replace(String subjectId, Preferences preferences) {
        String id = identity.requireActive(subjectId);
        Problems problems = new Problems();
        Preferences checked = PreferenceRules.parse(PreferenceRules.toMap(preferences), problems);
        problems.throwIfAny("invalid-preferences");
        long now = clock.millis();
        store.save(id, keys.encrypt(id, json.writeValueAsString(PreferenceRules.toMap(checked))), now);
        return checked.savedAt(Instant.ofEpochMilli(now));
    }

    private Preferences open(String subjectId, PreferenceStore.Row row) {
        String plain = keys.decrypt(subjectId, row.docEnc());
        if (plain == null) {
            return Preferences.defaults();
        }
        Map<String, Object> doc = json.readValue(plain, new TypeReference<LinkedHashMap<String, Object>>() { });
        Problems problems = new Problems();
        Preferences p = PreferenceRules.parse(doc, problems);
        return p == null ? Preferences.defaults() : p.savedAt(Instant.ofEpochMilli(row.updatedAt()));
    }
}
