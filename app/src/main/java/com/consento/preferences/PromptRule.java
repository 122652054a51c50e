package com.consento.preferences;

import com.consento.catalog.Notice;
import com.consento.catalog.Purpose;
import com.consento.ledger.ConsentStatus;
import com.consento.shared.Channel;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * What may be asked of a person now, as a pure function (NDSR-22e, PIPL-14b, APP-III.4):
 * <ul>
 * <li>only consent-based purposes, and only those a published notice covers (a grant must cite one);</li>
 * <li>a key is offered when never asked, expired or outdated by a material notice; a granted key never;</li>
 * <li>after the person DENIED or WITHDREW any key of a purpose, the whole purpose is held back for the cooldown
 *     (default 48 h), counted from when they acted — unless they opened that very feature themselves;</li>
 * <li>after the cooldown a refused or withdrawn key may be asked again, with that reason.</li>
 * </ul>
 */
final class PromptRule {

    private PromptRule() {
    }

    /** The state of one key: its status and since when (the winning event's capture time). */
    record KeyState(ConsentStatus status, Instant since) {
    }

    /** The key of a consent: purpose and channel code ("" for none). */
    static String key(String purpose, String channel) {
        return purpose + "|" + (channel == null ? "" : channel);
    }

    /**
     * @param purposes  the catalog's purposes
     * @param noticeFor the current notice that lists a purpose, if any
     * @param states    the subject's keys by {@link #key}; absent = never asked
     * @param feature   the purpose whose feature the person opened themselves, or null
     */
    static List<Prompt> prompts(Collection<Purpose> purposes, Function<String, Optional<Notice>> noticeFor,
                                Map<String, KeyState> states, Instant now, Duration cooldown, String feature) {
        List<Prompt> prompts = new ArrayList<>();
        List<Purpose> ordered = purposes.stream().filter(Purpose::consentGated)
                .sorted(Comparator.comparing(Purpose::code)).toList();
        for (Purpose purpose : ordered) {
            Optional<Notice> notice = noticeFor.apply(purpose.code());
            if (notice.isEmpty()) {
                continue;
            }
            List<String> channels = purpose.hasChannels()
                    ? purpose.channels().stream().map(Channel::code).sorted().toList()
                    : java.util.Collections.singletonList(null);
            if (!purpose.code().equals(feature) && coolingDown(purpose.code(), channels, states, now, cooldown)) {
                continue;
            }
            for (String channel : channels) {
                PromptReason reason = reason(states.get(key(purpose.code(), channel)));
                if (reason != null) {
                    prompts.add(new Prompt(purpose.code(), channel, reason, notice.get().version()));
                }
            }
        }
        return prompts;
    }

    /** Whether the person refused or withdrew any key of the purpose less than {@code cooldown} ago. */
    static boolean coolingDown(String purpose, List<String> channels, Map<String, KeyState> states, Instant now,
                               Duration cooldown) {
        for (String channel : channels) {
            KeyState s = states.get(key(purpose, channel));
            if (s != null && (s.status() == ConsentStatus.DENIED || s.status() == ConsentStatus.WITHDRAWN)
                    && now.isBefore(s.since().plus(cooldown))) {
                return true;
            }
        }
        return false;
    }

    private static PromptReason reason(KeyState state) {
        if (state == null) {
            return PromptReason.NEVER_ASKED;
        }
        return switch (state.status()) {
            case GRANTED -> null;
            case EXPIRED -> PromptReason.EXPIRED;
            case NOTICE_OUTDATED -> PromptReason.NOTICE_OUTDATED;
            case DENIED -> PromptReason.DENIED;
            case WITHDRAWN -> PromptReason.WITHDRAWN;
        };
    }
}
