package com.consento.campaigns;

import com.consento.audiences.AudienceService;
import com.consento.decisions.Decision;
import com.consento.decisions.DecisionService;
import com.consento.identity.IdentityService;
import com.consento.shared.Conflict;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.roaringbitmap.RoaringBitmap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Launches a campaign: evaluates its audience now, then for each person, in this order, re-checks the decision
 * at send time (CPL-29), the suppression lists, the person's preferences, the weekly cap and the campaign cap;
 * holds out the control group; sends the rest through the {@link ChannelConnector}. Every outcome is recorded
 * with its reason. A campaign may be launched again (e.g. a monthly birthday run); the campaign cap stops
 * repeats to the same person.
 */
@Service
public class CampaignLauncher implements SmartInitializingSingleton {
    private static final Logger log = LoggerFactory.getLogger(CampaignLauncher.class);
    private final CampaignService campaigns;
    private final CampaignStore store;
    private final AudienceService audiences;
    private final DecisionService decisions;
    private final IdentityService identity;
    private final Messages messages;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final Map<String, Object> running = new ConcurrentHashMap<>();

    CampaignLauncher(CampaignService campaigns, CampaignStore store, AudienceService audiences,
                     DecisionService decisions, IdentityService identity, Messages messages, TransactionTemplate tx,
                     Clock clock) {
        this.campaigns = campaigns;
        this.store = store;
        this.audiences = audiences;
        this.decisions = decisions;
        this.identity = identity;
        this.messages = messages;
        this.tx = tx;
        this.clock = clock;
    }

    public record Launch(String campaignId, int launch, Instant launchedAt, int sent, int suppressed, int control,
                         Map<String, Integer> suppressedByReason) {
    }

    public Launch launch(String campaignId) {
        Campaign c = campaigns.campaign(campaignId);
        if (running.putIfAbsent(campaignId, Boolean.TRUE) != null) {
            throw new Conflict("campaign-launching", "campaign " + campaignId + " is being launched right now");
        }
        try {
            return run(c);
        } finally {
            running.remove(campaignId);
        }
    }

    private Launch run(Campaign c) {
        long launchedAt = clock.millis();
        String keyChannel = audiences.keyChannel(c.purpose(), c.channel());
        RoaringBitmap matched = audiences.match(CampaignRules.audience(c,
                LocalDate.ofInstant(Instant.ofEpochMilli(launchedAt), ZoneOffset.UTC)), launchedAt);
        int perWeek = audiences.perWeek(c.perWeekCap());
        Map<String, Integer> already = store.sentPerPerson(c.id());
        int launchNo = store.launches(c.id()) + 1;
        List<Send> sends = new ArrayList<>(matched.getCardinality());
        List<Integer> sentTo = new ArrayList<>();
        Map<String, Integer> byReason = new TreeMap<>();
        matched.forEach((int s) -> {
            String subjectId = identity.idOf(s);
            long now = clock.millis();
            String reason = excluded(c, s, subjectId, keyChannel, perWeek, already, now);
            Send send;
            if (reason != null) {
                send = new Send(subjectId, Send.Status.SUPPRESSED, reason, now);
            } else if (ControlGroup.isControl(c.seed(), subjectId, c.controlPercent())) {
                send = new Send(subjectId, Send.Status.CONTROL, null, now);
            } else {
                String failure = messages.deliver(c, launchNo, subjectId);
                send = new Send(subjectId, failure == null ? Send.Status.SENT : Send.Status.SUPPRESSED, failure, now);
            }
            if (send.status() == Send.Status.SENT) {
                sentTo.add(s);
            } else if (send.status() == Send.Status.SUPPRESSED) {
                byReason.merge(send.reason(), 1, Integer::sum);
            }
            sends.add(send);
        });
        tx.executeWithoutResult(st -> store.insertLaunch(c.id(), launchNo, launchedAt, sends));
        sentTo.forEach(s -> audiences.recordSend(s, launchedAt));
        int control = (int) sends.stream().filter(s -> s.status() == Send.Status.CONTROL).count();
        int suppressed = sends.size() - sentTo.size() - control;
        log.info("campaign {} launch {}: {} sent, {} suppressed, {} control", c.id(), launchNo, sentTo.size(),
                suppressed, control);
        return new Launch(c.id(), launchNo, Instant.ofEpochMilli(launchedAt), sentTo.size(), suppressed, control,
                byReason);
    }

    /** Why this person gets no message now, or null: the decision first, then lists, preferences and caps. */
    private String excluded(Campaign c, int s, String subjectId, String keyChannel, int perWeek,
                            Map<String, Integer> already, long now) {
        Decision d = decisions.decide(s, c.purpose(), keyChannel, now);
        if (!d.allowed()) {
            return d.reason().name();
        }
        if (audiences.suppressedBy(s, c.suppressionLists()) != null) {
            return "SUPPRESSION_LIST";
        }
        String preference = audiences.preferenceExcludes(s, c.channel(), c.topic(), now);
        if (preference != null) {
            return preference;
        }
        if (audiences.sentThisWeek(s, now) >= perWeek) {
            return "FREQUENCY_CAP";
        }
        if (already.getOrDefault(subjectId, 0) >= c.perPersonCap()) {
            return "CAMPAIGN_CAP";
        }
        return null;
    }

    /** Counts the last week's sends again, so frequency caps survive a restart. */
    @Override
    public void afterSingletonsInstantiated() {
        long from = clock.millis() - (AudienceService.WEEK_DAYS + 1) * 86_400_000L;
        store.forEachSentSince(from, (subjectId, at) -> {
            int index = identity.indexOf(subjectId);
            if (index >= 0) {
                audiences.recordSend(index, at);
            }
        });
    }
}
