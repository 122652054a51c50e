package com.consento.recommendations;

import java.util.List;
import java.util.Locale;

/** The languages explanations are written in: zh-CN by default, en on request ({@code ?lang=} or Accept-Language). */
enum Language {
    ZH_CN("zh-CN"), EN("en");

    private final String tag;

    Language(String tag) {
        this.tag = tag;
    }

    String tag() {
        return tag;
    }

    /** {@code lang} wins when given; else the first Accept-Language range we speak; else zh-CN. */
    static Language resolve(String lang, String acceptLanguage) {
        if (lang != null && !lang.isBlank()) {
            return of(lang.strip()).orElse(ZH_CN);
        }
        if (acceptLanguage == null || acceptLanguage.isBlank()) {
            return ZH_CN;
        }
        List<Locale.LanguageRange> ranges;
        try {
            ranges = Locale.LanguageRange.parse(acceptLanguage);
        } catch (IllegalArgumentException e) {
            return ZH_CN;
        }
        for (Locale.LanguageRange range : ranges) {
            if (range.getWeight() <= 0) {
                continue;
            }
            java.util.Optional<Language> l = of(range.getRange());
            if (l.isPresent()) {
                return l.get();
            }
            if (range.getRange().equals("*")) {
                return ZH_CN;
            }
        }
        return ZH_CN;
    }

    private static java.util.Optional<Language> of(String tag) {
        String t = tag.toLowerCase(Locale.ROOT);
        if (t.equals("en") || t.startsWith("en-") || t.startsWith("en_")) {
            return java.util.Optional.of(EN);
        }
        if (t.equals("zh") || t.startsWith("zh-") || t.startsWith("zh_")) {
            return java.util.Optional.of(ZH_CN);
        }
        return java.util.Optional.empty();
    }
}
