package com.consento.preferencecentre;

import com.consento.identity.Identifier;
import com.consento.identity.IdentityService;
import com.consento.identity.LinkTokens;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Signed, expiring links to the preference centre (token use {@value #USE}, {@code consento.preferences.link-validity},
 * default 30 days), and new links on request: whether or not the address is known, the person is told the same,
 * and at most {@value #MAX_PER_HOUR} links an hour go to one address.
 */
@Component
class PreferenceLinks {
    static final String USE = "preferences";
    static final int MAX_PER_HOUR = 3;
    private final LinkTokens tokens;
    private final IdentityService identity;
    private final LinkSender sender;
    private final Clock clock;
    private final Duration validity;
    private final String publicUrl;
    private final Map<String, Deque<Long>> recent = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Deque<Long>> eldest) {
            return size() > 10_000;
        }
    };

    PreferenceLinks(LinkTokens tokens, IdentityService identity, LinkSender sender, Clock clock,
                    @Value("${consento.preferences.link-validity:30d}") String validity,
                    @Value("${consento.public-url:}") String publicUrl) {
        this.tokens = tokens;
        this.identity = identity;
        this.sender = sender;
        this.clock = clock;
        this.validity = org.springframework.boot.convert.DurationStyle.detectAndParse(validity);
        this.publicUrl = publicUrl == null ? "" : publicUrl.replaceAll("/+$", "");
    }

    record Link(String url, String token, Instant expiresAt) {
    }

    /** A new link for an active subject; {@code viaApp} makes the page record the touchpoint APP. */
    Link issue(String subjectId, boolean viaApp) {
        String id = identity.requireActive(subjectId);
        String token = tokens.issue(USE, id, null, validity);
        String url = base() + "/preferences?t=" + token + (viaApp ? "&via=app" : "");
        return new Link(url, token, Instant.ofEpochMilli(clock.millis() + validity.toMillis()));
    }

    /** The subject a genuine, unexpired token opens. */
    Optional<String> open(String token) {
        return tokens.verify(token, USE).map(LinkTokens.Grant::subjectId);
    }

    /** Sends a new link if the address belongs to someone; says nothing about whether it does. */
    void resend(Identifier to, Locale locale) {
        if (!allow(identity.lookupHash(to))) {
            return;
        }
        identity.lookup(to).ifPresent(subjectId -> sender.send(to, issue(subjectId, false).url(), locale));
    }

    private synchronized boolean allow(String key) {
        long now = clock.millis();
        Deque<Long> times = recent.computeIfAbsent(key, k -> new ArrayDeque<>());
        while (!times.isEmpty() && times.peekFirst() < now - 3_600_000L) {
            times.pollFirst();
        }
        if (times.size() >= MAX_PER_HOUR) {
            return false;
        }
        times.addLast(now);
        return true;
    }

    private String base() {
        return publicUrl.isEmpty() ? ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString() : publicUrl;
    }
}
