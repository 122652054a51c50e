package com.consento.catalog;

import com.consento.shared.Channel;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * NDSR-21: the public list of what is collected (个人信息收集清单) and the list of who receives it (第三方共享清单),
 * derived from the catalog alone, so it can hold no personal data. Only what a published notice in effect
 * describes is listed: a purpose no such notice covers cannot be consented to yet (a grant must cite one), and a
 * notice published for a future date does not speak before that date.
 */
final class PublicLists {
    private static final String ADS = "ads.";

    /** Who the handler is, from the latest notice in effect. */
    record Handler(String name, String contact, String officerContact, String noticeVersion, Instant effectiveSince) {
    }

    /** One purpose that uses a data category. */
    record Use(String code, SortedMap<String, String> name, String legalBasis, boolean separateConsent,
               List<String> channels, int retentionDays, String noticeVersion) {
    }

    /** A data category; its retention is the longest of the purposes that use it. */
    record Category(String code, int retentionDays, String noticeVersion, List<Use> purposes) {
    }

    record Collection(Handler handler, List<Category> categories) {
    }

    /** One purpose under which a recipient receives data. */
    record Share(String code, SortedMap<String, String> name, String legalBasis, boolean separateConsent,
                 List<String> dataCategories, boolean crossBorder, String transferMechanism, String noticeVersion) {
    }

    /** Declaration order is precedence: a recipient that is an ad platform for any purpose is listed as one. */
    enum RecipientKind { AD_PLATFORM, PARTNER, THIRD_PARTY }

    record Recipient(String name, RecipientKind kind, boolean crossBorder, List<Share> purposes) {
    }

    record Sharing(Handler handler, List<Recipient> recipients) {
    }

    private record Listed(Purpose purpose, Notice notice) {
    }

    private final List<Listed> listed;
    private final Handler handler;

    PublicLists(Catalog catalog, Instant at) {
        List<Notice> inEffect = catalog.notices().stream().filter(n -> !n.takesEffectAt().isAfter(at)).toList();
        List<Listed> l = new ArrayList<>();
        for (Purpose p : catalog.purposes().values()) {
            inEffect.stream().filter(n -> n.covers(p.code())).reduce((a, b) -> b) // notices come in sequence order
                    .ifPresent(n -> l.add(new Listed(p, n)));
        }
        l.sort(Comparator.comparing(x -> x.purpose().code()));
        this.listed = List.copyOf(l);
        this.handler = inEffect.isEmpty() ? null : handler(inEffect.get(inEffect.size() - 1));
    }

    Collection collection() {
        Map<String, List<Listed>> byCategory = new TreeMap<>();
        for (Listed x : listed) {
            x.purpose().dataCategories().stream().distinct()
                    .forEach(c -> byCategory.computeIfAbsent(c, k -> new ArrayList<>()).add(x));
        }
        List<Category> categories = new ArrayList<>();
        byCategory.forEach((code, uses) -> categories.add(new Category(code,
                uses.stream().mapToInt(x -> x.purpose().retentionDays()).max().orElse(0),
                latest(uses).version(), uses.stream().map(PublicLists::use).toList())));
        return new Collection(handler, List.copyOf(categories));
    }

    Sharing sharing() {
        Map<String, List<Listed>> byRecipient = new TreeMap<>();
        for (Listed x : listed) {
            recipients(x.purpose()).forEach(r -> byRecipient.computeIfAbsent(r, k -> new ArrayList<>()).add(x));
        }
        List<Recipient> recipients = new ArrayList<>();
        byRecipient.forEach((name, shares) -> recipients.add(new Recipient(name,
                shares.stream().map(x -> kind(x.purpose())).min(Comparator.naturalOrder()).orElseThrow(),
                shares.stream().anyMatch(x -> x.purpose().crossBorder()),
                shares.stream().map(PublicLists::share).toList())));
        return new Sharing(handler, List.copyOf(recipients));
    }

    /** Named recipients; an ad purpose that names none still names its platform in its code. */
    private static List<String> recipients(Purpose p) {
        if (!p.recipients().isEmpty()) {
            return p.recipients().stream().distinct().toList();
        }
        return p.code().startsWith(ADS) ? List.of(p.code().substring(ADS.length())) : List.of();
    }

    private static RecipientKind kind(Purpose p) {
        if (p.code().startsWith(ADS)) {
            return RecipientKind.AD_PLATFORM;
        }
        return p.code().startsWith("share.") ? RecipientKind.PARTNER : RecipientKind.THIRD_PARTY;
    }

    private static Use use(Listed x) {
        Purpose p = x.purpose();
        return new Use(p.code(), new TreeMap<>(p.name()), p.legalBasis().name(), p.separateConsent(),
                p.channels().stream().map(Channel::code).sorted().toList(), p.retentionDays(), x.notice().version());
    }

    private static Share share(Listed x) {
        Purpose p = x.purpose();
        return new Share(p.code(), new TreeMap<>(p.name()), p.legalBasis().name(), p.separateConsent(),
                List.copyOf(p.dataCategories()), p.crossBorder(), p.transferMechanism(), x.notice().version());
    }

    private static Notice latest(List<Listed> uses) {
        return uses.stream().map(Listed::notice).max(Comparator.comparingLong(Notice::sequence)).orElseThrow();
    }

    private static Handler handler(Notice n) {
        Notice.Handler h = n.handler() == null ? new Notice.Handler(null, null) : n.handler();
        return new Handler(h.name(), h.contact(), n.officerContact(), n.version(), n.takesEffectAt());
    }
}
