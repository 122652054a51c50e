package com.consento.console;

import com.consento.catalog.Catalog;
import com.consento.catalog.CatalogService;
import com.consento.catalog.Purpose;
import com.consento.catalog.PurposeTerms;
import com.consento.ledger.ConsentChangeListener;
import com.consento.ledger.ConsentChanged;
import com.consento.ledger.Touchpoint;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;

/**
 * The dashboard's figures: aggregates from {@link ConsoleQueries}, then labelled in the viewer's language. The
 * aggregates are recomputed when consent changed and the last computation is older than the refresh interval
 * (default 5 s), and at least every five minutes — never once per viewer.
 */
@Service("consoleDashboardService")
class DashboardService implements ConsentChangeListener {
    private static final long MAX_AGE_MILLIS = 300_000;
    static final int TREND_DAYS = 30;
    /** The consent-rate chart shows the keys with the most answers; more would not be readable. */
    static final int TOP_KEYS = 12;
    /** The six touchpoints every retailer has; others appear when they hold grants. */
    static final List<Touchpoint> MAIN_TOUCHPOINTS = List.of(Touchpoint.WEB, Touchpoint.APP, Touchpoint.MINI_PROGRAM,
            Touchpoint.STORE, Touchpoint.CALL_CENTER, Touchpoint.SMS);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("MM-dd");
    private final ConsoleQueries queries;
    private final CatalogService catalog;
    private final ObjectProvider<RightsSummaryPort> rights;
    private final ObjectProvider<CampaignRoiPort> campaigns;
    private final MessageSource messages;
    private final Times times;
    private final Clock clock;
    private final long refreshMillis;
    private volatile Aggregates cached;
    private volatile boolean changed;

    DashboardService(ConsoleQueries queries, CatalogService catalog, ObjectProvider<RightsSummaryPort> rights,
                     ObjectProvider<CampaignRoiPort> campaigns, MessageSource messages, Times times, Clock clock,
                     @Value("${consento.console.dashboard-refresh-seconds:5}") long refreshSeconds) {
        this.queries = queries;
        this.catalog = catalog;
        this.rights = rights;
        this.campaigns = campaigns;
        this.messages = messages;
        this.times = times;
        this.clock = clock;
        this.refreshMillis = refreshSeconds * 1000;
    }

    record Aggregates(List<ConsoleQueries.StateCount> state, List<ConsoleQueries.DayCount> days,
                      Map<String, Long> touchpoints, long subjects, long events, long computedAt) {
    }

    record Kpis(long subjects, long events, long granted, long pendingRequests, long overdueRequests,
                boolean rightsConnected, Instant computedAt) {
    }

    record Dashboard(Kpis kpis, Map<String, Chart> charts) {
    }

    RightsSummaryPort rights() {
        return rights.getIfAvailable(() -> RightsSummaryPort.NONE);
    }

    List<CampaignRoiPort.CampaignRoi> campaigns() {
        return campaigns.getIfAvailable(() -> CampaignRoiPort.NONE).campaigns();
    }

    Dashboard dashboard(Locale locale) {
        Aggregates a = aggregates();
        String lang = ConsoleAdvice.lang(locale);
        Catalog snapshot = catalog.snapshot();
        RightsSummaryPort.Summary requests = rights().summary();
        Map<String, Chart> charts = new LinkedHashMap<>();
        charts.put("consent-rate", consentRate(a, snapshot, lang, locale));
        charts.put("consent-trend", trend(a, locale));
        charts.put("touchpoints", touchpoints(a, locale));
        charts.put("rights-requests", requests(requests, locale));
        List<CampaignRoiPort.CampaignRoi> roi = campaigns();
        if (!roi.isEmpty()) {
            charts.put("campaign-roi", roi(roi, locale));
        }
        long now = clock.millis();
        long granted = a.state().stream().filter(s -> inForce(s, snapshot, now))
                .mapToLong(ConsoleQueries.StateCount::n).sum();
        return new Dashboard(new Kpis(a.subjects(), a.events(), granted, requests.pending(), requests.overdue(),
                rights().connected(), Instant.ofEpochMilli(a.computedAt())), charts);
    }

    @Override
    public void consentChanged(ConsentChanged change) {
        changed = true;
    }

    private synchronized Aggregates aggregates() {
        long now = clock.millis();
        Aggregates a = cached;
        long age = a == null ? Long.MAX_VALUE : now - a.computedAt();
        if (a == null || age >= MAX_AGE_MILLIS || age < 0 || (changed && age >= refreshMillis)) {
            changed = false;
            long offset = times.zone().getRules().getOffset(Instant.ofEpochMilli(now)).getTotalSeconds() * 1000L;
            long from = LocalDate.now(clock.withZone(times.zone())).minusDays(TREND_DAYS - 1L)
                    .atStartOfDay(times.zone()).toInstant().toEpochMilli();
            a = new Aggregates(queries.stateCounts(), queries.eventsPerDay(from, offset), queries.grantsByTouchpoint(),
                    queries.activeSubjects(), queries.events(), now);
            cached = a;
        }
        return a;
    }

    /** A grant not outdated by a later material notice (expiry is left to the decision path). */
    private static boolean inForce(ConsoleQueries.StateCount s, Catalog snapshot, long now) {
        PurposeTerms terms = snapshot.terms(s.purpose());
        return "GRANT".equals(s.action()) && (terms == null || !terms.outdated(s.noticeSeq(), now));
    }

    /** Share of consent keys whose latest act is a grant still in force (not outdated by a material notice). */
    private Chart consentRate(Aggregates a, Catalog snapshot, String lang, Locale locale) {
        long now = clock.millis();
        Map<String, long[]> byKey = new TreeMap<>();
        for (ConsoleQueries.StateCount s : a.state()) {
            long[] counts = byKey.computeIfAbsent(s.purpose() + "\u0000" + s.channel(), k -> new long[2]);
            counts[1] += s.n();
            if (inForce(s, snapshot, now)) {
                counts[0] += s.n();
            }
        }
        List<String> categories = new ArrayList<>();
        List<Number> rates = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        Map<String, Long> sameName = snapshot.purposes().values().stream().collect(java.util.stream.Collectors
                .groupingBy(p -> p.displayName(lang), java.util.stream.Collectors.counting()));
        List<Map.Entry<String, long[]>> top = byKey.entrySet().stream()
                .sorted(Map.Entry.<String, long[]>comparingByValue((x, y) -> Long.compare(y[1], x[1]))
                        .thenComparing(Map.Entry.comparingByKey()))
                .limit(TOP_KEYS).sorted(Map.Entry.comparingByKey()).toList();
        for (Map.Entry<String, long[]> entry : top) {
            long[] counts = entry.getValue();
            String[] parts = entry.getKey().split("\u0000", -1);
            String name = snapshot.purpose(parts[0]).map(p -> p.displayName(lang)).orElse(parts[0]);
            if (sameName.getOrDefault(name, 0L) > 1) {
                name = name + " (" + parts[0] + ")";
            }
            categories.add(parts[1].isEmpty() ? name : name + " · " + parts[1]);
            rates.add(counts[1] == 0 ? 0 : Math.round(counts[0] * 1000.0 / counts[1]) / 10.0);
            notes.add(msg("console.dashboard.rate.note", locale, counts[0], counts[1]));
        }
        if (categories.isEmpty()) {
            snapshot.purposes().values().stream().filter(Purpose::consentGated).map(p -> p.displayName(lang)).sorted()
                    .limit(TOP_KEYS).forEach(n -> {
                        categories.add(n);
                        rates.add(0);
                    });
        }
        return new Chart("hbar", "%", categories,
                List.of(new Chart.Series(msg("console.dashboard.rate.series", locale), rates)), notes,
                byKey.isEmpty(), msg("console.chart.empty", locale), byKey.size() > TOP_KEYS
                        ? msg("console.dashboard.rate.top", locale, TOP_KEYS, byKey.size()) : null);
    }

    private Chart trend(Aggregates a, Locale locale) {
        LocalDate today = LocalDate.now(clock.withZone(times.zone()));
        long firstDay = today.minusDays(TREND_DAYS - 1L).toEpochDay();
        List<String> days = new ArrayList<>();
        for (int i = 0; i < TREND_DAYS; i++) {
            days.add(DAY.format(LocalDate.ofEpochDay(firstDay + i)));
        }
        Map<String, Number[]> byAction = new LinkedHashMap<>();
        for (String action : List.of("GRANT", "WITHDRAW", "DENY")) {
            Number[] zeros = new Number[TREND_DAYS];
            java.util.Arrays.fill(zeros, 0L);
            byAction.put(action, zeros);
        }
        boolean any = false;
        for (ConsoleQueries.DayCount d : a.days()) {
            int i = (int) (d.day() - firstDay);
            Number[] series = byAction.get(d.action());
            if (series != null && i >= 0 && i < TREND_DAYS) {
                series[i] = series[i].longValue() + d.n();
                any = true;
            }
        }
        List<Chart.Series> series = new ArrayList<>();
        byAction.forEach((action, data) -> series.add(new Chart.Series(
                msg("console.dashboard.trend." + action, locale), List.of(data))));
        return new Chart("line", "", days, series, null, !any, msg("console.chart.empty", locale), null);
    }

    private Chart touchpoints(Aggregates a, Locale locale) {
        List<String> categories = new ArrayList<>();
        List<Number> counts = new ArrayList<>();
        for (Touchpoint t : Touchpoint.values()) {
            long n = a.touchpoints().getOrDefault(t.name(), 0L);
            if (MAIN_TOUCHPOINTS.contains(t) || n > 0) {
                categories.add(messages.getMessage("console.touchpoint." + t.name(), null, t.name(), locale));
                counts.add(n);
            }
        }
        boolean empty = counts.stream().allMatch(n -> n.longValue() == 0);
        return new Chart("bar", "", categories,
                List.of(new Chart.Series(msg("console.dashboard.touchpoints.series", locale), counts)), null, empty,
                msg("console.chart.empty", locale), null);
    }

    private Chart requests(RightsSummaryPort.Summary s, Locale locale) {
        return new Chart("bar", "", List.of(msg("console.dashboard.requests.pending", locale),
                msg("console.dashboard.requests.overdue", locale)),
                List.of(new Chart.Series(msg("console.dashboard.requests.series", locale),
                        List.of(s.pending(), s.overdue()))), null, s.pending() == 0 && s.overdue() == 0,
                msg(rights().connected() ? "console.chart.empty" : "console.dashboard.requests.notConnected", locale),
                null);
    }

    private Chart roi(List<CampaignRoiPort.CampaignRoi> campaigns, Locale locale) {
        List<String> names = new ArrayList<>();
        List<Number> roi = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (CampaignRoiPort.CampaignRoi c : campaigns) {
            names.add(c.name());
            roi.add(c.roi() == null ? 0 : Math.round(c.roi() * 1000.0) / 10.0);
            notes.add(msg("console.dashboard.roi.note", locale, c.sent(), String.format(Locale.ROOT, "%.2f", c.cost()),
                    String.format(Locale.ROOT, "%.2f", c.revenue())));
        }
        return new Chart("bar", "%", names, List.of(new Chart.Series(msg("console.dashboard.roi.series", locale), roi)),
                notes, false, msg("console.chart.empty", locale), null);
    }

    private String msg(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, locale);
    }
}
