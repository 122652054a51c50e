package com.consento.identity;

import com.consento.shared.InvalidRequest;
import com.consento.shared.NotFound;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * A subject's profile (birthDate, gender, city, tier, …), encrypted with the subject's key. The birth date
 * also yields the day the person turns 14, kept in clear so the decision path can apply PIPL-31a.
 */
@Service
public class ProfileService {
    private static final int ADULT_AGE = 14;
    private final IdentityStore store;
    private final IdentityService identity;
    private final SubjectKeys keys;
    private final JsonMapper json;
    private final TransactionTemplate tx;
    private final Clock clock;

    ProfileService(IdentityStore store, IdentityService identity, SubjectKeys keys, JsonMapper json,
                   TransactionTemplate tx, Clock clock) {
        this.store = store;
        this.identity = identity;
        this.keys = keys;
        this.json = json;
        this.tx = tx;
        this.clock = clock;
    }

    public Map<String, Object> profile(String subjectId) {
        String id = identity.requireActive(subjectId);
        var row = store.subject(id).orElseThrow(() -> new NotFound("no subject " + subjectId));
        String plain = keys.decrypt(id, row.profileEnc());
        return plain == null ? Map.of() : json.readValue(plain, new TypeReference<LinkedHashMap<String, Object>>() { });
    }

    public Map<String, Object> replace(String subjectId, Map<String, Object> profile) {
        String id = identity.requireActive(subjectId);
        Map<String, Object> clean = validated(profile, LocalDate.now(clock));
        Long adultFrom = adultFrom(clean);
        tx.executeWithoutResult(s -> {
            store.updateProfile(id, keys.encrypt(id, json.writeValueAsString(clean)), adultFrom, clock.millis());
            identity.announce(SubjectChangeListener.CORRECTED, id, Map.of("profile", clean.keySet()));
            int index = identity.indexOf(id);
            AfterCommit.run(() -> identity.directory().setAdultFrom(index,
                    adultFrom == null ? SubjectDirectory.NO_MINOR : adultFrom.intValue()));
        });
        return clean;
    }

    /** Within the caller's transaction: stores a new subject's first profile. */
    void initialise(String subjectId, Map<String, Object> profile) {
        Map<String, Object> clean = validated(profile, LocalDate.now(clock));
        if (clean.isEmpty()) {
            return;
        }
        Long adultFrom = adultFrom(clean);
        store.updateProfile(subjectId, keys.encrypt(subjectId, json.writeValueAsString(clean)), adultFrom,
                clock.millis());
        int index = identity.indexOf(subjectId);
        AfterCommit.run(() -> identity.directory().setAdultFrom(index,
                adultFrom == null ? SubjectDirectory.NO_MINOR : adultFrom.intValue()));
    }

    static Map<String, Object> validated(Map<String, Object> profile, LocalDate today) {
        Map<String, Object> clean = new LinkedHashMap<>(profile == null ? Map.of() : profile);
        Object birth = clean.get("birthDate");
        if (birth != null) {
            try {
                LocalDate date = LocalDate.parse(birth.toString());
                if (date.isAfter(today.plusDays(1)) || date.getYear() < 1900) {
                    throw new InvalidRequest("birthDate must be a real date of birth", "/profile/birthDate");
                }
            } catch (DateTimeParseException e) {
                throw new InvalidRequest("birthDate must be an ISO date such as 2012-05-31", "/profile/birthDate");
            }
        }
        return clean;
    }

    static Long adultFrom(Map<String, Object> profile) {
        Object birth = profile.get("birthDate");
        return birth == null ? null : LocalDate.parse(birth.toString()).plusYears(ADULT_AGE).toEpochDay();
    }
}
