package com.consento.channels;

import com.consento.catalog.Catalog;
import com.consento.catalog.Notice;
import com.consento.catalog.Purpose;
import com.consento.shared.Channel;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * What the web SDK may know, and so what any web page may show: purposes with their names and descriptions in
 * both languages, whether each is optional and needs separate consent, its channels, recipients and validity,
 * the notice version a grant must cite, and the material notice before which grants no longer count. No
 * impact assessments, retention or internal fields. {@code now} lets the SDK correct the visitor's clock.
 */
record SdkConfig(Instant now, NoticeView notice, List<String> notices, List<PurposeView> purposes) {

    record NoticeView(String version, String title, String locale, String url, String handler) {
    }

    record PurposeView(String code, Map<String, String> name, Map<String, String> description, boolean optional,
                       boolean separateConsent, List<String> channels, List<String> recipients, int validityDays,
                       String notice, String reconsentFrom) {
    }

    static SdkConfig of(Catalog catalog, Instant now) {
        List<Notice> notices = catalog.notices();
        Notice latest = notices.isEmpty() ? null : notices.get(notices.size() - 1);
        List<PurposeView> purposes = new ArrayList<>();
        catalog.purposes().values().stream().sorted(Comparator.comparing(Purpose::code)).forEach(p -> {
            String notice = null;
            String reconsentFrom = null;
            if (p.consentGated()) {
                notice = catalog.currentNoticeFor(p.code()).map(Notice::version).orElse(null);
                if (notice == null) {
                    return; // no published notice tells people about it: it cannot be granted yet
                }
                for (int i = notices.size() - 1; i >= 0; i--) {
                    Notice n = notices.get(i);
                    if (n.material() && n.covers(p.code()) && !n.takesEffectAt().isAfter(now)) {
                        reconsentFrom = n.version();
                        break;
                    }
                }
            }
            purposes.add(new PurposeView(p.code(), p.name(), p.description(), p.consentGated(), p.separateConsent(),
                    p.channels().stream().map(Channel::code).sorted().toList(), p.recipients(), p.validityDays(),
                    notice, reconsentFrom));
        });
        NoticeView current = latest == null ? null : new NoticeView(latest.version(), latest.title(), latest.locale(),
                latest.url(), latest.handler() == null ? null : latest.handler().name());
        return new SdkConfig(now, current, notices.stream().map(Notice::version).toList(), purposes);
    }
}
