package com.consento.audiences;

import com.consento.identity.IdentityService;
import com.consento.preferences.PreferenceService;
import com.consento.preferences.Preferences;
import com.consento.preferences.Topic;
import com.consento.shared.NotFound;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The person's own wishes, from {@link PreferenceService}: a topic they did not pick, their quiet hours (local
 * time in {@code consento.timezone}, default Asia/Shanghai) and their personal weekly cap exclude them.
 */
@Component
class PreferenceAdapter implements PreferenceGate {
    private final PreferenceService preferences;
    private final FrequencyLedger frequency;
    private final IdentityService identity;
    private final ZoneId zone;

    PreferenceAdapter(PreferenceService preferences, FrequencyLedger frequency, IdentityService identity,
                      @Value("${consento.timezone:Asia/Shanghai}") String zone) {
        this.preferences = preferences;
        this.frequency = frequency;
        this.identity = identity;
        this.zone = ZoneId.of(zone);
    }

    @Override
    public String excludes(String subjectId, String channel, String topic, long at) {
        Preferences p;
        try {
            p = preferences.preferences(subjectId);
        } catch (NotFound e) {
            return null;
        }
        Topic t = Topic.ofCode(topic);
        if (t != null && !p.wants(t)) {
            return "TOPIC_NOT_WANTED";
        }
        if (p.quietAt(LocalTime.ofInstant(Instant.ofEpochMilli(at), zone))) {
            return "QUIET_HOURS";
        }
        if (p.maxMessagesPerWeek() != null
                && frequency.count(identity.indexOf(subjectId), at, AudienceService.WEEK_DAYS) >= p.maxMessagesPerWeek()) {
            return "PERSONAL_FREQUENCY_CAP";
        }
        return null;
    }
}
