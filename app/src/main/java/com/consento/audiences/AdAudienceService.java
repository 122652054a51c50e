package com.consento.audiences;

import com.consento.catalog.CatalogService;
import com.consento.catalog.Purpose;
import com.consento.decisions.DecisionService;
import com.consento.identity.Identifier;
import com.consento.identity.IdentifierType;
import com.consento.identity.IdentityService;
import com.consento.shared.FieldProblem;
import com.consento.shared.InvalidRequest;
import com.consento.shared.NotFound;
import com.consento.shared.Sha256;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.roaringbitmap.RoaringBitmap;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * Ad-platform audiences (PIPL-23, GB-8.4): only people whose decision for the separate-consent purpose
 * {@code ads.<platform>} allows at the moment of export, as SHA-256 hex of the normalised phone (E.164) and
 * e-mail (lower case). Recomputed on every export, so a withdrawal removes the person from the next one.
 */
@Service
public class AdAudienceService {
    private static final Pattern PLATFORM = Pattern.compile("[a-z0-9_\\-]{1,40}");
    private final CatalogService catalog;
    private final DecisionService decisions;
    private final IdentityService identity;
    private final Clock clock;
    private final String prefix;

    AdAudienceService(CatalogService catalog, DecisionService decisions, IdentityService identity, Clock clock,
                      @Value("${consento.purposes.ads-prefix:ads.}") String prefix) {
        this.catalog = catalog;
        this.decisions = decisions;
        this.identity = identity;
        this.clock = clock;
        this.prefix = prefix;
    }

    /** One person as the platform matches them; a hash is null when that identifier is unknown. */
    public record Member(String phoneSha256, String emailSha256) {
    }

    public record Export(String platform, String purpose, int count, Instant generatedAt, String format,
                         int withoutIdentifier, List<Member> members) {
    }

    public Export export(String platform) {
        String name = platform == null ? "" : platform.toLowerCase(Locale.ROOT);
        if (!PLATFORM.matcher(name).matches()) {
            throw new InvalidRequest("a platform is 1 to 40 lower-case letters, digits, '_' or '-'", "/platform");
        }
        String code = prefix + name;
        Purpose purpose = catalog.snapshot().purpose(code).orElseThrow(() -> refused("unknown-purpose",
                "no purpose '" + code + "': define it as a separate-consent purpose naming " + name
                        + " as recipient (PIPL-23)"));
        if (!purpose.consentGated() || !purpose.separateConsent()) {
            throw refused("separate-consent-required", "PIPL-23: providing data to " + name
                    + " needs separate consent; purpose '" + code + "' is not a separate-consent purpose");
        }
        if (purpose.recipients().stream().noneMatch(r -> r.toLowerCase(Locale.ROOT).contains(name))) {
            throw refused("recipient-not-named", "PIPL-23: purpose '" + code + "' must name " + name
                    + " among its recipients");
        }
        long at = clock.millis();
        RoaringBitmap allowed = decisions.allowed(code, null, at, null);
        List<Member> members = new ArrayList<>(allowed.getCardinality());
        int[] without = {0};
        allowed.forEach((int s) -> {
            Member m = member(identity.idOf(s));
            if (m == null) {
                without[0]++;
            } else {
                members.add(m);
            }
        });
        return new Export(name, code, members.size(), Instant.ofEpochMilli(at), "sha256-hex", without[0], members);
    }

    /** The hashes of a subject's phone and e-mail, or null when it has neither (or is gone). */
    static Member member(List<Identifier> identifiers) {
        String phone = null;
        String email = null;
        for (Identifier i : identifiers) {
            if (i.type() == IdentifierType.PHONE && phone == null) {
                phone = Sha256.hex(i.value());
            } else if (i.type() == IdentifierType.EMAIL && email == null) {
                email = Sha256.hex(i.value().toLowerCase(Locale.ROOT));
            }
        }
        return phone == null && email == null ? null : new Member(phone, email);
    }

    private Member member(String subjectId) {
        try {
            return member(identity.identifiers(subjectId));
        } catch (NotFound e) {
            return null;
        }
    }

    private static InvalidRequest refused(String type, String detail) {
        return new InvalidRequest(type, detail, List.of(new FieldProblem("/platform", detail)));
    }
}
