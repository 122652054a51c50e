package com.consento.catalog;

import com.consento.shared.Channel;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a person's data may be used for. {@code validityDays} 0 means a grant never expires; an empty
 * {@code channels} set means the purpose has no channel (consent key = purpose alone).
 */
public record Purpose(String code, Map<String, String> name, Map<String, String> description, LegalBasis legalBasis,
                      Set<Channel> channels, boolean separateConsent, boolean sensitive, boolean crossBorder,
                      boolean automatedDecisions, int validityDays, int retentionDays, List<String> dataCategories,
                      List<String> recipients, String piaId, String transferMechanism) {

    public Purpose {
        name = Map.copyOf(name);
        description = description == null ? Map.of() : Map.copyOf(description);
        channels = Set.copyOf(channels);
        dataCategories = List.copyOf(dataCategories);
        recipients = List.copyOf(recipients);
    }

    public boolean consentGated() {
        return legalBasis == LegalBasis.CONSENT;
    }

    public boolean hasChannels() {
        return !channels.isEmpty();
    }

    /** Provides data to another handler: a named recipient or an ad platform (PIPL-23). */
    public boolean providesToThirdParty() {
        return code.startsWith("share.") || code.startsWith("ads.") || !recipients.isEmpty();
    }

    /** PIPL-55 and SEP-0: these activities need their own act of consent and an impact assessment. */
    public boolean needsSeparateConsent() {
        return sensitive || providesToThirdParty() || crossBorder || automatedDecisions;
    }

    public String displayName(String locale) {
        return name.getOrDefault(locale, name.getOrDefault("zh-CN", code));
    }
}
