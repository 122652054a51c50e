package com.consento.audiences;

import com.consento.catalog.CatalogService;
import com.consento.catalog.Purpose;
import com.consento.decisions.DecisionService;
import com.consento.identity.IdentityService;
import com.consento.shared.Channel;
import com.consento.shared.InvalidRequest;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.roaringbitmap.RoaringBitmap;
import org.roaringbitmap.RoaringBitmapWriter;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * The audience API: evaluates a rule over the attribute index and runs the funnel (consent gate from the
 * decision engine, suppression lists, preferences, frequency cap) at the moment of the call, so nobody is
 * ever in an audience on stale consent. Campaigns use the single-person checks at send time.
 */
@Service
public class AudienceService {
    public static final int WEEK_DAYS = 7;
    private final AttributeIndex index;
    private final FrequencyLedger frequency;
    private final SuppressionLists suppressions;
    private final DecisionService decisions;
    private final CatalogService catalog;
    private final IdentityService identity;
    private final ObjectProvider<PreferenceGate> preferences;
    private final Clock clock;
    private final int defaultPerWeek;

    AudienceService(AttributeIndex index, FrequencyLedger frequency, SuppressionLists suppressions,
                    DecisionService decisions, CatalogService catalog, IdentityService identity,
                    ObjectProvider<PreferenceGate> preferences, Clock clock,
                    @Value("${consento.audiences.max-per-week:3}") int defaultPerWeek) {
        this.index = index;
        this.frequency = frequency;
        this.suppressions = suppressions;
        this.decisions = decisions;
        this.catalog = catalog;
        this.identity = identity;
        this.preferences = preferences;
        this.clock = clock;
        this.defaultPerWeek = defaultPerWeek;
    }

    public AudienceFunnel.Result evaluate(AudienceQuery q) {
        long at = clock.millis();
        String keyChannel = keyChannel(q.purpose(), q.channel());
        RoaringBitmap matched = match(q.rule(), at);
        int cap = perWeek(q.perWeekCap());
        PreferenceGate gate = preferenceGate();
        return AudienceFunnel.run(matched,
                candidates -> decisions.allowed(q.purpose(), keyChannel, at, candidates),
                suppressions.union(q.suppressionLists()),
                candidates -> gate == PreferenceGate.NONE ? new RoaringBitmap() : excludedByPreference(gate, candidates,
                        q.channel(), q.topic(), at),
                candidates -> frequency.atLeast(cap, at, WEEK_DAYS, candidates));
    }

    /** Subjects the rule matches at {@code at}: ages and recency are counted in UTC days. */
    public RoaringBitmap match(Rule rule, long at) {
        return index.evaluate(rule, LocalDate.ofInstant(Instant.ofEpochMilli(at), ZoneOffset.UTC));
    }

    /**
     * The consent key's channel for a purpose and a send channel: the channel itself when the purpose is
     * consented per channel (then it must be one of the purpose's), none otherwise. Unknown purpose: 422.
     */
    public String keyChannel(String purpose, String channel) {
        Purpose p = catalog.snapshot().purpose(purpose == null ? "" : purpose).orElseThrow(() -> new InvalidRequest(
                "unknown-purpose", "no purpose '" + purpose + "' in the catalog (NDSR-22d)",
                List.of(new com.consento.shared.FieldProblem("/purpose", "unknown purpose"))));
        Channel c = channel == null || channel.isBlank() ? null : Channel.ofCode(channel);
        if (channel != null && !channel.isBlank() && c == null) {
            throw new InvalidRequest("unknown channel '" + channel + "': sms, email, push, wechat, phone, mail or in_app",
                    "/channel");
        }
        if (!p.hasChannels()) {
            return null;
        }
        if (c == null || !p.channels().contains(c)) {
            throw new InvalidRequest("purpose '" + purpose + "' is consented per channel: name one of "
                    + p.channels().stream().map(Channel::code).sorted().toList(), "/channel");
        }
        return c.code();
    }

    public int perWeek(Integer requested) {
        if (requested != null && requested < 0) {
            throw new InvalidRequest("a frequency cap is 0 or more messages a week", "/frequencyCap/perWeek");
        }
        return requested == null ? defaultPerWeek : requested;
    }

    /** The suppression list holding the subject (global first), or null. */
    public String suppressedBy(int subject, List<String> lists) {
        return suppressions.listHolding(subject, lists);
    }

    /** Why preferences exclude the person from this message now, or null. */
    public String preferenceExcludes(int subject, String channel, String topic, long at) {
        PreferenceGate gate = preferenceGate();
        return gate == PreferenceGate.NONE ? null : gate.excludes(identity.idOf(subject), channel, topic, at);
    }

    /** Messages sent to the subject in the week ending at {@code at}. */
    public int sentThisWeek(int subject, long at) {
        return frequency.count(subject, at, WEEK_DAYS);
    }

    /** Counts a message sent (after its send is committed), for the frequency caps. */
    public void recordSend(int subject, long at) {
        frequency.record(subject, at);
    }

    public void pruneSendsBefore(long before) {
        frequency.prune(before);
    }

    private PreferenceGate preferenceGate() {
        return preferences.getIfAvailable(() -> PreferenceGate.NONE);
    }

    private RoaringBitmap excludedByPreference(PreferenceGate gate, RoaringBitmap candidates, String channel,
                                               String topic, long at) {
        RoaringBitmapWriter<RoaringBitmap> out = RoaringBitmapWriter.writer().get();
        candidates.forEach((int s) -> {
            if (gate.excludes(identity.idOf(s), channel, topic, at) != null) {
                out.add(s);
            }
        });
        return out.get();
    }
}
