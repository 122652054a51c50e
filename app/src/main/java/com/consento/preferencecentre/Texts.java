package com.consento.preferencecentre;

import com.consento.catalog.Purpose;
import com.consento.ledger.ConsentStatus;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;

/**
 * The page's words in one language: message-bundle texts ({@code i18n/preferences*.properties}), catalog names
 * and descriptions in the page language, and the label of each consent control. The label built here is the
 * one rendered and the one whose SHA-256 goes into the evidence, so the hash proves what the person read.
 */
final class Texts {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd");
    private final MessageSource messages;
    private final Locale locale;
    private final ZoneId zone;

    Texts(MessageSource messages, Locale locale, ZoneId zone) {
        this.messages = messages;
        this.locale = locale;
        this.zone = zone;
    }

    /** The page language as a catalog key and an HTML lang: {@code en} or {@code zh-CN} (the default). */
    static String lang(Locale locale) {
        return locale != null && "en".equals(locale.getLanguage()) ? "en" : "zh-CN";
    }

    String lang() {
        return lang(locale);
    }

    Locale locale() {
        return locale;
    }

    String get(String key, Object... args) {
        return messages.getMessage(key, args, locale);
    }

    String orElse(String key, String fallback) {
        return messages.getMessage(key, null, fallback, locale);
    }

    String name(Purpose p) {
        return p.displayName(lang());
    }

    String description(Purpose p) {
        return p.description().getOrDefault(lang(), p.description().getOrDefault("zh-CN",
                p.description().getOrDefault("en", "")));
    }

    String channel(String code) {
        return orElse("pc.channel." + code, code);
    }

    String dataCategory(String code) {
        return orElse("pc.data." + code, code.replace('_', ' '));
    }

    String list(List<String> items) {
        return String.join(get("pc.list.separator"), items);
    }

    String when(Instant t) {
        return t == null ? "" : WHEN.format(t.atZone(zone));
    }

    String day(Instant t) {
        return t == null ? "" : DAY.format(t.atZone(zone));
    }

    /** The hidden part of a channel control's label: the purpose, read out before the channel. */
    String labelPrefix(Purpose p, String channel) {
        return channel == null ? "" : get("pc.control.channelPrefix", name(p));
    }

    /** The visible part of a control's label. */
    String labelVisible(Purpose p, String channel) {
        if (channel != null) {
            return channel(channel);
        }
        if (p.separateConsent()) {
            return p.recipients().isEmpty() ? get("pc.control.separate", name(p))
                    : get("pc.control.separateTo", name(p), list(p.recipients()));
        }
        return get("pc.control.allow", name(p));
    }

    /** Everything the label says, as rendered (hidden prefix and visible text). */
    String label(Purpose p, String channel) {
        return labelPrefix(p, channel) + labelVisible(p, channel);
    }

    /** What a control's status line says. {@code effective} is false for a child's grant without a guardian. */
    String status(ConsentStatus status, Instant since, boolean effective) {
        if (status == null) {
            return get("pc.status.none");
        }
        return switch (status) {
            case GRANTED -> effective ? get("pc.status.granted", when(since)) : get("pc.status.needsGuardian");
            case WITHDRAWN -> get("pc.status.withdrawn", when(since));
            case DENIED -> get("pc.status.denied", when(since));
            case EXPIRED -> get("pc.status.expired");
            case NOTICE_OUTDATED -> get("pc.status.outdated");
        };
    }

    String duration(int days) {
        if (days > 0 && days % 365 == 0) {
            return get("pc.years", days / 365);
        }
        return get("pc.days", days);
    }
}
