package com.consento.rights;

import com.consento.identity.IdentityService;
import com.consento.identity.PersonalDataHolder;
import com.consento.identity.ProfileService;
import com.consento.ledger.ConsentQueries;
import com.consento.shared.Zip;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/**
 * Access and portability (PIPL-45a, PIPL-45c): everything held about a person — identifiers in clear for the
 * person, profile, consents and their history with receipts, requests, and what every other holder keeps
 * (orders, browsing, preferences, derived tags) — as JSON, or as a documented zip of JSON and CSV.
 */
@Service
public class ExportService {
    private final IdentityService identity;
    private final ProfileService profiles;
    private final ConsentQueries consents;
    private final RequestService requests;
    private final List<PersonalDataHolder> holders;
    private final JsonMapper json;
    private final Clock clock;

    ExportService(IdentityService identity, ProfileService profiles, ConsentQueries consents, RequestService requests,
                  List<PersonalDataHolder> holders, JsonMapper json, Clock clock) {
        this.identity = identity;
        this.profiles = profiles;
        this.consents = consents;
        this.requests = requests;
        this.holders = holders;
        this.json = json;
        this.clock = clock;
    }

    public Map<String, Object> export(String subjectId) {
        String id = identity.requireActive(subjectId);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("format", "consento-export/1");
        out.put("subjectId", id);
        out.put("exportedAt", clock.instant().toString());
        out.put("identifiers", identity.identifiers(id).stream()
                .map(i -> Map.of("type", i.type().code(), "value", i.value())).toList());
        out.put("profile", profiles.profile(id));
        out.put("consents", consents.consents(id, null));
        out.put("consentHistory", consents.history(id));
        out.put("requests", requests.ofSubject(id));
        for (PersonalDataHolder holder : holders) {
            out.put(holder.section(), holder.export(id));
        }
        return out;
    }

    /** The portable package: export.json, consents.csv, consent-history.csv and a README of the format. */
    public byte[] portablePackage(String subjectId) {
        Map<String, Object> data = export(subjectId);
        Map<String, String> files = new LinkedHashMap<>();
        files.put("export.json", json.writerWithDefaultPrettyPrinter().writeValueAsString(data));
        files.put("consents.csv", Csv.of(List.of("purpose", "channel", "status", "since", "noticeVersion",
                "expiresAt", "eventId"), consents.consents(subjectId, null).stream()
                .map(c -> List.<Object>of(c.purpose(), nz(c.channel()), c.status(), c.since(),
                        nz(c.noticeVersion()), c.expiresAt() == null ? "" : c.expiresAt(), c.eventId())).toList()));
        files.put("consent-history.csv", Csv.of(List.of("eventId", "purpose", "channel", "action", "touchpoint",
                "capturedAt", "recordedAt", "noticeVersion", "actorType", "receiptId", "hash"),
                consents.history(subjectId).stream().map(h -> List.<Object>of(h.eventId(), h.purpose(),
                        nz(h.channel()), h.action(), h.touchpoint(), h.capturedAt(), h.recordedAt(),
                        nz(h.noticeVersion()), h.actorType(), h.receiptId(), h.hash())).toList()));
        files.put("README.md", README);
        return Zip.of(files);
    }

    private static Object nz(Object o) {
        return o == null ? "" : o;
    }

    static final String README = """
            # Your data at the retailer (Consento export, format consento-export/1)

            - export.json: everything held about you. Sections: identifiers (phone, e-mail, member ids, …),
              profile, consents (the current state of each consent: purpose, channel, status, since, notice
              version, expiry, ledger event id), consentHistory (every consent you gave, refused or withdrew,
              with where and when, and the receipt id), requests (your rights requests and their outcome), and
              one section per other kind of data the retailer holds (orders, browsing, preferences, tags).
            - consents.csv and consent-history.csv: the same consent data as CSV (UTF-8, comma-separated,
              RFC 4180 quoting, header line first). Times are ISO-8601 in UTC.
            - Each receipt id can be fetched as a signed consent receipt (ISO/IEC TS 27560 fields, JWS ES256),
              which proves the record was not changed.
            """;
}
