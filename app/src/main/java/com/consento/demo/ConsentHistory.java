package com.consento.demo;

import com.consento.identity.RawIdentifier;
import com.consento.ledger.ConsentEventBody;
import com.consento.ledger.ConsentEventBody.ActorBody;
import com.consento.ledger.Touchpoint;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * One person's consent history: a first visit at their usual touchpoint where the ordinary purposes are asked
 * together (each its own checkbox), then each separate-consent purpose in its own act a few minutes apart
 * (SEP-0), and later withdrawals through the channel's own opt-out. Minors are not asked for separate-consent
 * purposes; for some of them a parent acts (PIPL-31a).
 */
final class ConsentHistory {
    static final long DAY = 86_400L;
    static final int WINDOW_DAYS = 365;
    static final int NEWEST_FIRST_VISIT_DAYS = 30;
    static final int GUARDIAN_PERCENT = 55;
    private static final ActorBody SUBJECT = new ActorBody("SUBJECT", null, null);
    private static final Touchpoint[] HOMES = {Touchpoint.WEB, Touchpoint.APP, Touchpoint.MINI_PROGRAM,
            Touchpoint.STORE, Touchpoint.CALL_CENTER};
    private static final int[] HOME_SHARE = {32, 59, 80, 95, 100};

    private final String city;
    private final boolean minor;
    private final Random random;
    private final Instant now;
    private final List<Timed> out;
    private final List<RawIdentifier> subject;
    private final Touchpoint home;
    private final ActorBody actor;
    private final Map<String, Object> homeEvidence;

    /** An event with its capture time, so the plan can order events without parsing them again. */
    record Timed(Instant at, ConsentEventBody event) {
    }

    ConsentHistory(int customerId, String city, boolean minor, Random random, Instant now, List<Timed> out) {
        this.city = city;
        this.minor = minor;
        this.random = random;
        this.now = now;
        this.out = out;
        this.subject = List.of(new RawIdentifier("member", DemoPeople.member(customerId)));
        this.home = pick(HOMES, HOME_SHARE);
        this.actor = minor && random.nextInt(100) < GUARDIAN_PERCENT
                ? new ActorBody("GUARDIAN", List.of(new RawIdentifier("phone", DemoPeople.guardianPhone(customerId))),
                "parent") : SUBJECT;
        this.homeEvidence = evidence(home);
    }

    void write() {
        long span = (WINDOW_DAYS - NEWEST_FIRST_VISIT_DAYS) * DAY;
        Instant visit = now.minusSeconds(NEWEST_FIRST_VISIT_DAYS * DAY + random.nextInt((int) span));
        boolean app = home == Touchpoint.APP;
        boolean mini = home == Touchpoint.MINI_PROGRAM;
        ask("marketing", "sms", visit, 70, 12, 18);
        ask("marketing", "email", visit, 50, 15, 22);
        ask("marketing", "push", visit, app ? 60 : 12, app ? 15 : 5, 20);
        ask("marketing", "wechat", visit, mini ? 70 : 30, 10, 15);
        boolean personalised = ask("personalization", "", visit, 60, 10, 10);
        ask("purchase_history", "", visit, personalised ? 92 : 12, personalised ? 3 : 20, 8);
        ask("browsing_history", "", visit, 40, 15, 10);
        if (minor) {
            return;
        }
        Instant act = visit.plusSeconds(120 + random.nextInt(420));
        ask("ads.wechat", "", act, mini ? 45 : 20, mini ? 20 : 15, 20);
        act = act.plusSeconds(60 + random.nextInt(600));
        ask("share.brand_partner", "", act, 15, 20, 15);
        act = act.plusSeconds(60 + random.nextInt(600));
        ask("cross_border", "", act, 10, 15, 10);
        act = act.plusSeconds(60 + random.nextInt(600));
        ask("location", "", act, app || mini ? 35 : 0, app || mini ? 25 : 0, 25);
    }

    /** Asks once at {@code at}: GRANT, DENY or no answer; a grant may be withdrawn later. Returns whether granted. */
    private boolean ask(String purpose, String channel, Instant at, int grantPercent, int denyPercent,
                        int withdrawPercentOfGrants) {
        int roll = random.nextInt(100);
        if (roll >= grantPercent + denyPercent) {
            return false;
        }
        if (roll >= grantPercent) {
            out.add(event(purpose, channel, "DENY", home, at, homeEvidence));
            return false;
        }
        boolean bySms = "sms".equals(channel) && random.nextInt(100) < 10;
        Instant grantedAt = bySms ? at.plusSeconds(30 + random.nextInt(600)) : at;
        out.add(event(purpose, channel, "GRANT", bySms ? Touchpoint.SMS : home, grantedAt,
                bySms ? evidence(Touchpoint.SMS) : homeEvidence));
        if (random.nextInt(100) < withdrawPercentOfGrants) {
            long room = now.getEpochSecond() - 3600 - grantedAt.getEpochSecond() - DAY;
            Instant withdrawnAt = grantedAt.plusSeconds(DAY + (room > 0 ? random.nextInt((int) room) : 0));
            Touchpoint where = withdrawTouchpoint(channel);
            out.add(event(purpose, channel, "WITHDRAW", where, withdrawnAt, where == home ? homeEvidence : evidence(where)));
        }
        return true;
    }

    private Touchpoint withdrawTouchpoint(String channel) {
        int roll = random.nextInt(100);
        if ("sms".equals(channel) && roll < 70) {
            return Touchpoint.SMS;
        }
        if ("email".equals(channel) && roll < 80) {
            return Touchpoint.EMAIL;
        }
        if (roll >= 90) {
            return Touchpoint.CALL_CENTER;
        }
        return home == Touchpoint.STORE || home == Touchpoint.CALL_CENTER ? Touchpoint.WEB : home;
    }

    private Timed event(String purpose, String channel, String action, Touchpoint touchpoint, Instant at,
                        Map<String, Object> evidence) {
        return new Timed(at, new ConsentEventBody(new ConsentEventBody.SubjectRef(null, subject), purpose, channel,
                action, DemoCatalog.NOTICE_VERSION, touchpoint.name(), at.toString(), actor, evidence));
    }

    /** What the channel would keep as proof; never an IP address or a personal identifier. */
    private Map<String, Object> evidence(Touchpoint touchpoint) {
        Map<String, Object> e = new LinkedHashMap<>();
        switch (touchpoint) {
            case WEB -> {
                e.put("method", "checkbox");
                e.put("userAgent", random.nextBoolean() ? "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) Safari/604.1"
                        : "Mozilla/5.0 (Windows NT 10.0; Win64; x64) Chrome/124.0 Safari/537.36");
            }
            case APP -> {
                e.put("method", "checkbox");
                e.put("userAgent", random.nextBoolean() ? "ExampleRetail/5.2 (iOS 17.4)" : "ExampleRetail/5.2 (Android 14)");
            }
            case MINI_PROGRAM -> {
                e.put("method", "checkbox");
                e.put("userAgent", "MicroMessenger/8.0.47 miniProgram");
            }
            case STORE -> {
                e.put("method", "checkbox");
                e.put("storeId", DemoPeople.storePrefix(city) + "-" + String.format("%03d", 1 + random.nextInt(12)));
                e.put("staffId", "E" + (10_000 + random.nextInt(90_000)));
            }
            case CALL_CENTER -> {
                e.put("method", "verbal_recorded");
                e.put("staffId", "CC-" + (100 + random.nextInt(60)));
            }
            case SMS -> e.put("method", "sms_reply");
            case EMAIL -> e.put("method", "one_click_unsubscribe");
            default -> e.put("method", "api");
        }
        return Map.copyOf(e);
    }

    private <T> T pick(T[] values, int[] cumulativePercent) {
        int roll = random.nextInt(100);
        for (int i = 0; i < values.length; i++) {
            if (roll < cumulativePercent[i]) {
                return values[i];
            }
        }
        return values[values.length - 1];
    }
}
