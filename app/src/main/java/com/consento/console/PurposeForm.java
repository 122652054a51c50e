package com.consento.console;

import com.consento.catalog.LegalBasis;
import com.consento.catalog.Purpose;
import com.consento.shared.Channel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The purpose form as posted: text as typed, so a bad number comes back to the field it was typed in. */
record PurposeForm(String code, String nameZh, String nameEn, String descriptionZh, String descriptionEn,
                   String legalBasis, List<String> channels, Boolean separateConsent, Boolean sensitive,
                   Boolean crossBorder, Boolean automatedDecisions, String validityDays, String retentionDays,
                   String dataCategories, String recipients, String piaId, String transferMechanism) {

    PurposeForm {
        channels = channels == null ? List.of() : List.copyOf(channels);
    }

    static PurposeForm blank() {
        return new PurposeForm("", "", "", "", "", "CONSENT", List.of(), false, false, false, false, "365", "365", "",
                "", "", "");
    }

    static PurposeForm of(Purpose p) {
        return new PurposeForm(p.code(), p.name().getOrDefault("zh-CN", ""), p.name().getOrDefault("en", ""),
                p.description().getOrDefault("zh-CN", ""), p.description().getOrDefault("en", ""),
                p.legalBasis() == null ? "" : p.legalBasis().name(),
                p.channels().stream().map(Channel::code).sorted().toList(), p.separateConsent(), p.sensitive(),
                p.crossBorder(), p.automatedDecisions(), Integer.toString(p.validityDays()),
                Integer.toString(p.retentionDays()), String.join(", ", p.dataCategories()),
                String.join(", ", p.recipients()), p.piaId() == null ? "" : p.piaId(),
                p.transferMechanism() == null ? "" : p.transferMechanism());
    }

    public boolean has(String channel) {
        return channels.contains(channel);
    }

    public static boolean on(Boolean b) {
        return Boolean.TRUE.equals(b);
    }

    /** The purpose these fields describe under {@code code}; what cannot even be parsed goes to {@code errors}. */
    Purpose toPurpose(String purposeCode, FormErrors errors, java.util.function.Function<String, String> message) {
        LegalBasis basis = null;
        if (legalBasis != null && !legalBasis.isBlank()) {
            try {
                basis = LegalBasis.valueOf(legalBasis);
            } catch (IllegalArgumentException e) {
                errors.add("legalBasis", message.apply("legalBasis"));
            }
        }
        Set<Channel> parsed = new LinkedHashSet<>();
        for (String c : channels) {
            Channel channel = Channel.ofCode(c);
            if (channel == null) {
                errors.add("channels", message.apply("channels"));
            } else {
                parsed.add(channel);
            }
        }
        Integer validity = number(validityDays, "validityDays", errors, message);
        Integer retention = number(retentionDays, "retentionDays", errors, message);
        String c = purposeCode == null ? "" : purposeCode.trim();
        boolean cross = on(crossBorder) || c.startsWith("cross_border");
        return new Purpose(c, texts(nameZh, nameEn), texts(descriptionZh, descriptionEn), basis, parsed,
                on(separateConsent), on(sensitive), cross, on(automatedDecisions), validity == null ? 0 : validity,
                retention == null ? 1 : retention, list(dataCategories), list(recipients), blankToNull(piaId),
                blankToNull(transferMechanism));
    }

    private static Integer number(String text, String field, FormErrors errors,
                                  java.util.function.Function<String, String> message) {
        try {
            return Integer.parseInt(text == null ? "" : text.trim());
        } catch (NumberFormatException e) {
            errors.add(field, message.apply(field));
            return null;
        }
    }

    private static Map<String, String> texts(String zh, String en) {
        Map<String, String> m = new LinkedHashMap<>();
        if (zh != null && !zh.isBlank()) {
            m.put("zh-CN", zh.trim());
        }
        if (en != null && !en.isBlank()) {
            m.put("en", en.trim());
        }
        return m;
    }

    static List<String> list(String commaSeparated) {
        if (commaSeparated == null || commaSeparated.isBlank()) {
            return List.of();
        }
        List<String> items = new ArrayList<>();
        Arrays.stream(commaSeparated.split("[,，\\n]")).map(String::trim).filter(s -> !s.isEmpty()).distinct()
                .forEach(items::add);
        return items;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
