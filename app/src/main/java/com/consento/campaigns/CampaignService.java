package com.consento.campaigns;

import com.consento.audiences.AudienceService;
import com.consento.audiences.RuleParser;
import com.consento.shared.Channel;
import com.consento.shared.NotFound;
import com.consento.shared.Problems;
import com.consento.signals.SignalService;
import java.math.BigDecimal;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/** Defines campaigns (refusing non-compliant templates) and reports their results. */
@Service
public class CampaignService {
    static final int DEFAULT_WINDOW_DAYS = 7;
    private final CampaignStore store;
    private final AudienceService audiences;
    private final SignalService signals;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    CampaignService(CampaignStore store, AudienceService audiences, SignalService signals, TransactionTemplate tx,
                    Clock clock) {
        this.store = store;
        this.audiences = audiences;
        this.signals = signals;
        this.tx = tx;
        this.clock = clock;
    }

    /** A campaign as asked for; unset numbers take their defaults. */
    public record Draft(String name, String type, String purpose, String channel, Map<String, Object> rule,
                        List<String> suppressionLists, String topic, BigDecimal controlPercent,
                        BigDecimal costPerMessage, String templateText, String offer, Integer attributionWindowDays,
                        Integer perWeekCap, Integer perPersonCap) {
    }

    public Campaign create(Draft d) {
        Problems problems = new Problems();
        problems.require(d.name() != null && !d.name().isBlank() && d.name().length() <= 200, "/name",
                "a campaign needs a name (at most 200 characters)");
        CampaignType type = type(d.type(), problems);
        Channel channel = Channel.ofCode(d.channel());
        problems.require(channel != null, "/channel", "channel is one of sms, email, push, wechat, phone, mail, in_app");
        problems.require(type != CampaignType.CUSTOM || d.rule() != null, "/audience/rule",
                "a CUSTOM campaign needs an audience rule");
        problems.require(d.controlPercent() == null || (d.controlPercent().signum() >= 0
                && d.controlPercent().compareTo(BigDecimal.valueOf(90)) <= 0), "/controlPercent",
                "controlPercent is between 0 and 90");
        problems.require(d.costPerMessage() == null || d.costPerMessage().signum() >= 0, "/costPerMessage",
                "costPerMessage is 0 or more");
        problems.require(d.attributionWindowDays() == null || (d.attributionWindowDays() >= 1
                && d.attributionWindowDays() <= 90), "/attributionWindowDays", "the attribution window is 1 to 90 days");
        problems.require(d.perPersonCap() == null || d.perPersonCap() >= 1, "/frequencyCap/perCampaign",
                "the campaign cap is at least 1 message a person");
        problems.require(d.offer() == null || d.offer().length() <= 500, "/offer", "an offer is at most 500 characters");
        TemplateRules.check(channel == null ? null : channel.code(), d.templateText(), problems);
        problems.throwIfAny("invalid-campaign");
        audiences.keyChannel(d.purpose(), channel.code());
        if (d.rule() != null) {
            audiences.match(RuleParser.parse(d.rule(), "/audience/rule"), clock.millis());
        }
        audiences.perWeek(d.perWeekCap());
        Campaign c = new Campaign("cmp_" + UUID.randomUUID().toString().replace("-", "").substring(0, 20),
                d.name().strip(), type, d.purpose(), channel.code(), d.rule(), d.suppressionLists(),
                CampaignRules.topic(type, d.topic()), nz(d.controlPercent()), nz(d.costPerMessage()), d.templateText(),
                d.offer(), d.attributionWindowDays() == null ? DEFAULT_WINDOW_DAYS : d.attributionWindowDays(),
                d.perWeekCap(), d.perPersonCap() == null ? 1 : d.perPersonCap(), random.nextLong(), clock.millis());
        tx.executeWithoutResult(s -> store.insert(c));
        return c;
    }

    public Campaign campaign(String id) {
        return store.find(id).orElseThrow(() -> new NotFound("no campaign " + id));
    }

    public List<Campaign> campaigns() {
        return store.all();
    }

    public List<Send> sends(String id) {
        campaign(id);
        return store.sends(id);
    }

    public CampaignReport report(String id) {
        Campaign c = campaign(id);
        List<Send> sends = store.sends(id);
        long from = sends.stream().mapToLong(Send::at).min().orElse(0);
        long to = sends.stream().mapToLong(Send::at).max().orElse(0) + c.attributionWindowDays() * Attribution.DAY;
        return Attribution.report(c, store.launches(id), sends, sends.isEmpty() ? List.of()
                : signals.ordersBetween(from, to));
    }

    private static CampaignType type(String type, Problems problems) {
        try {
            return CampaignType.valueOf(type == null ? "" : type.strip());
        } catch (IllegalArgumentException e) {
            problems.add("/type", "type is BIRTHDAY, LOYALTY, FLASH_SALE or CUSTOM");
            return CampaignType.CUSTOM;
        }
    }

    private static BigDecimal nz(BigDecimal v) {
        return v == null ? BigDecimal.ZERO : v;
    }
}
