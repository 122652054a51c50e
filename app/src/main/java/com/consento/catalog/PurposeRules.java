package com.consento.catalog;

import com.consento.shared.Problems;
import java.util.regex.Pattern;

/** Whether a purpose definition may be saved (PIPL-13a, PIPL-55, SEP-0). */
final class PurposeRules {
    private static final Pattern CODE = Pattern.compile("[a-z][a-z0-9_]*(\\.[a-z0-9_\\-]+)?");

    private PurposeRules() {
    }

    static void check(Purpose p, Problems problems) {
        problems.require(p.code() != null && CODE.matcher(p.code()).matches() && p.code().length() <= 64, "/code",
                "purpose code must be lower-case letters, digits and '_', optionally '.<recipient>' (max 64)");
        problems.require(p.legalBasis() != null, "/legalBasis",
                "every purpose declares exactly one legal basis (PIPL-13a): CONSENT, CONTRACT, LEGAL_OBLIGATION, "
                        + "VITAL_INTERESTS, PUBLIC_INTEREST_NEWS, PUBLIC_INFO or OTHER_LAW");
        problems.require(!p.name().isEmpty() && p.name().values().stream().noneMatch(String::isBlank), "/name",
                "a purpose needs a name, e.g. {\"zh-CN\": \"营销信息\", \"en\": \"Marketing messages\"}");
        problems.require(p.validityDays() >= 0, "/validityDays", "validityDays must be 0 (no expiry) or more");
        problems.require(p.retentionDays() > 0, "/retentionDays",
                "every purpose has a retention period in days (PIPL-19)");
        if (p.code() != null && p.needsSeparateConsent()) {
            problems.require(p.separateConsent(), "/separateConsent",
                    "purpose '" + p.code() + "' is sensitive, provides data to another handler, goes cross-border or "
                            + "drives automated decisions: it needs separateConsent: true (SEP-0)");
            problems.require(p.piaId() != null && !p.piaId().isBlank(), "/piaId",
                    "purpose '" + p.code() + "' needs the id of its personal information impact assessment (PIPL-55)");
        }
        if (p.code() != null && p.providesToThirdParty() && p.code().startsWith("share.")) {
            problems.require(!p.recipients().isEmpty(), "/recipients",
                    "a share.* purpose names its recipient (PIPL-23)");
        }
        if (p.crossBorder()) {
            problems.require(p.transferMechanism() != null && !p.transferMechanism().isBlank(), "/transferMechanism",
                    "a cross-border purpose records its transfer mechanism (PIPL-39): e.g. STANDARD_CONTRACT");
        }
    }
}
