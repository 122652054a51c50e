package com.consento.catalog;

import com.consento.shared.Problems;
import java.util.Map;

/** What a notice must say before it may be published (PIPL-17a). */
final class NoticeRules {
    private NoticeRules() {
    }

    static void check(Notice n, Map<String, Purpose> purposes, Problems problems) {
        problems.require(notBlank(n.version()) && n.version().length() <= 64 && n.version().matches("[A-Za-z0-9._\\-]+"),
                "/version", "a notice needs a version of letters, digits, '.', '_' or '-' (max 64)");
        problems.require(notBlank(n.locale()), "/locale", "a notice states its locale, e.g. zh-CN");
        problems.require(notBlank(n.title()), "/title", "a notice needs a title");
        problems.require(notBlank(n.body()) || notBlank(n.url()), "/body", "a notice needs its text (body) or a url");
        problems.require(n.handler() != null && notBlank(n.handler().name()), "/handler/name",
                "PIPL-17a: the notice names the personal information handler");
        problems.require(n.handler() != null && notBlank(n.handler().contact()), "/handler/contact",
                "PIPL-17a: the notice gives the handler's contact");
        problems.require(!n.purposes().isEmpty(), "/purposes", "PIPL-17a: the notice lists the purposes it covers");
        for (int i = 0; i < n.purposes().size(); i++) {
            String code = n.purposes().get(i);
            problems.require(purposes.containsKey(code), "/purposes/" + i, "unknown purpose '" + code + "'");
        }
        problems.require(notBlank(n.methods()), "/methods", "PIPL-17a: the notice states the processing methods");
        problems.require(!n.dataCategories().isEmpty(), "/dataCategories",
                "PIPL-17a: the notice lists the categories of personal information");
        problems.require(notBlank(n.retention()), "/retention", "PIPL-17a: the notice states the retention period");
        problems.require(notBlank(n.rights()), "/rights", "PIPL-17a: the notice says how to exercise rights");
        problems.require(notBlank(n.officerContact()), "/officerContact",
                "PIPL-52: the notice gives the personal information protection officer's contact");
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }
}
