package com.consento.preferences;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET/PUT /api/v1/subjects/{id}/preferences}: read (subject:read) and replace (consent:write). */
@RestController
@RequestMapping("/api/v1/subjects/{id}/preferences")
class PreferenceController {
    private final PreferenceService preferences;

    PreferenceController(PreferenceService preferences) {
        this.preferences = preferences;
    }

    record QuietHoursView(String start, String end) {
    }

    /** The wire form: {@code maxMessagesPerWeek}, {@code quietHours}, {@code language} are null when not chosen. */
    record PreferencesView(String subjectId, List<String> topics, List<String> categories, List<String> brands,
                           Integer maxMessagesPerWeek, QuietHoursView quietHours, String language, Instant updatedAt) {

        static PreferencesView of(String subjectId, Preferences p) {
            return new PreferencesView(subjectId, p.topics().stream().map(Topic::code).toList(), p.categories(),
                    p.brands(), p.maxMessagesPerWeek(), p.quietHours() == null ? null
                    : new QuietHoursView(p.quietHours().start().format(PreferenceRules.HH_MM),
                            p.quietHours().end().format(PreferenceRules.HH_MM)),
                    p.language(), p.updatedAt());
        }
    }

    @GetMapping
    PreferencesView get(@PathVariable String id) {
        return PreferencesView.of(id, preferences.preferences(id));
    }

    @PutMapping
    PreferencesView put(@PathVariable String id, @RequestBody Map<String, Object> body) {
        return PreferencesView.of(id, preferences.replace(id, body));
    }
}
