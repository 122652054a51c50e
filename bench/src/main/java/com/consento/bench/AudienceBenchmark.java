package com.consento.bench;

import com.consento.audiences.AttributeIndex;
import com.consento.audiences.Attributes;
import com.consento.audiences.AudienceFunnel;
import com.consento.audiences.FrequencyLedger;
import com.consento.audiences.Rule;
import com.consento.audiences.RuleParser;
import com.consento.audiences.SuppressionLists;
import com.consento.catalog.PurposeTerms;
import com.consento.decisions.DecisionIndex;
import com.consento.identity.BenchDirectories;
import com.consento.identity.SubjectDirectory;
import com.consento.ledger.Action;
import com.consento.ledger.ConsentChanged;
import com.consento.shared.Channel;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.roaringbitmap.RoaringBitmap;

/**
 * Audience over N synthetic subjects (default 10 M): the consent gate for marketing by SMS, three predicates
 * (born in December, tier gold or platinum, an order in the last 365 days), the global suppression list and a
 * weekly cap of 2 messages, evaluated in memory (bitmaps + the decision rule per remaining candidate) and as
 * indexed SQL on PostgreSQL loaded with the very same data, in one run; the counts must agree.
 * <pre>
 * ./mvnw -B -o -pl app,bench package -DskipTests
 * java -Xmx8g -cp bench/target/benchmarks.jar:$HOME/.m2/repository/org/postgresql/postgresql/42.7.11/postgresql-42.7.11.jar \
 *      com.consento.bench.AudienceBenchmark 10000000 [--reuse]
 * </pre>
 * PostgreSQL: {@code CONSENTO_BENCH_PG_URL} (default jdbc:postgresql://localhost:5432/consento_audience_bench,
 * created when missing), user/password consento. {@code --reuse} keeps tables already loaded for the same N.
 */
public final class AudienceBenchmark {
    static final long SEED = 20260601L;
    static final long DAY = 86_400_000L;
    static final long NOW = Instant.parse("2026-06-01T10:00:00Z").toEpochMilli();
    static final LocalDate TODAY = LocalDate.of(2026, 6, 1);
    static final int TODAY_DAY = (int) TODAY.toEpochDay();
    static final long VALIDITY = 730 * DAY;
    static final PurposeTerms MARKETING = new PurposeTerms("marketing", true, VALIDITY, new long[] {3},
            new long[] {Instant.parse("2025-09-01T00:00:00Z").toEpochMilli()});
    static final String[] TIERS = {"bronze", "silver", "gold", "platinum"};
    static final Action[] ACTIONS = Action.values();
    static final int PER_WEEK = 2;
    /** {"all": [birthMonth eq 12, tier in [gold, platinum], daysSinceLastOrder lte 365]} as the API parses it. */
    static final Map<String, Object> RULE = Map.of("all", List.of(
            Map.of("attr", "birthMonth", "op", "eq", "value", 12),
            Map.of("attr", "tier", "op", "in", "value", List.of("gold", "platinum")),
            Map.of("attr", "daysSinceLastOrder", "op", "lte", "value", 365)));

    /** One synthetic subject; every field drawn in a fixed order so that each pass sees the same person. */
    static final class Person {
        byte status;
        int adultFrom;
        String tier;
        String city;
        int birthDay;
        int orders;
        int spendCents;
        int lastOrderDay;
        int action;            // 0 = never asked, else Action ordinal + 1
        long capturedAt;
        int notice;
        boolean guardian;
        boolean suppressed;
        long[] sends = new long[3];
        int sendCount;

        void draw(SplittableRandom r) {
            double st = r.nextDouble();
            status = st < 0.004 ? SubjectDirectory.ERASED : SubjectDirectory.ACTIVE;
            double age = r.nextDouble();
            birthDay = TODAY_DAY - 365 * 16 - r.nextInt(365 * 60);
            adultFrom = age < 0.015 ? TODAY_DAY + 1 + r.nextInt(2500) : age < 0.40 ? birthDay + 14 * 365
                    : SubjectDirectory.NO_MINOR;
            double t = r.nextDouble();
            tier = TIERS[t < 0.5 ? 0 : t < 0.8 ? 1 : t < 0.95 ? 2 : 3];
            city = "city" + (int) Math.floor(Math.pow(r.nextDouble(), 2.5) * 300);
            orders = r.nextDouble() < 0.1 ? 0 : 1 + (int) (-Math.log(1 - r.nextDouble()) * 4);
            spendCents = orders == 0 ? 0 : orders * (500 + r.nextInt(40_000));
            lastOrderDay = orders == 0 ? Integer.MIN_VALUE : TODAY_DAY - r.nextInt(3 * 365);
            action = r.nextDouble() < 0.25 ? 0 : pick(r.nextDouble());
            capturedAt = (NOW - (long) (r.nextDouble() * 3 * 365 * DAY)) / 1000 * 1000;
            notice = 1 + r.nextInt(4);
            guardian = r.nextDouble() < 0.5;
            suppressed = r.nextDouble() < 0.01;
            sendCount = r.nextDouble() < 0.15 ? 1 + r.nextInt(3) : 0;
            for (int i = 0; i < sendCount; i++) {
                sends[i] = NOW - (long) (r.nextDouble() * 7 * DAY);
            }
        }

        private static int pick(double a) {
            Action x = a < 0.62 ? Action.GRANT : a < 0.84 ? Action.WITHDRAW : a < 0.97 ? Action.DENY : Action.EXPIRE;
            return x.ordinal() + 1;
        }
    }

    interface Sink {
        void accept(int subject, Person p) throws Exception;
    }

    static void forEachPerson(int n, Sink sink) throws Exception {
        SplittableRandom r = new SplittableRandom(SEED);
        Person p = new Person();
        for (int s = 0; s < n; s++) {
            p.draw(r);
            sink.accept(s, p);
        }
    }

    /** The in-memory side: directory, decision index, attribute index, suppression list, frequency ledger. */
    record Memory(SubjectDirectory directory, DecisionIndex decisions, AttributeIndex attributes,
                  SuppressionLists suppressions, FrequencyLedger frequency) {
    }

    static Memory build(int n) throws Exception {
        SubjectDirectory directory = new SubjectDirectory();
        DecisionIndex decisions = new DecisionIndex(directory);
        AttributeIndex attributes = new AttributeIndex();
        SuppressionLists suppressions = new SuppressionLists();
        FrequencyLedger frequency = new FrequencyLedger();
        long[] event = {0};
        forEachPerson(n, (s, p) -> {
            BenchDirectories.put(directory, s, p.status, p.adultFrom);
            if (p.action != 0) {
                decisions.apply(s, new ConsentChanged(null, "marketing", "sms", ACTIONS[p.action - 1], p.capturedAt,
                        p.notice, p.guardian, ++event[0]));
            }
            attributes.setCategory(Attributes.TIER, s, p.tier);
            attributes.setCategory(Attributes.CITY, s, p.city);
            attributes.setNumber(Attributes.BIRTH_MONTH, s, LocalDate.ofEpochDay(p.birthDay).getMonthValue());
            attributes.setNumber(Attributes.BIRTH_DAY, s, p.birthDay);
            attributes.setNumber(Attributes.ORDERS, s, p.orders);
            attributes.setNumber(Attributes.TOTAL_SPEND, s, p.spendCents);
            if (p.orders > 0) {
                attributes.setNumber(Attributes.LAST_ORDER_DAY, s, p.lastOrderDay);
            }
            if (p.suppressed) {
                suppressions.add(SuppressionLists.GLOBAL, s);
            }
            for (int i = 0; i < p.sendCount; i++) {
                frequency.record(s, p.sends[i]);
            }
        });
        return new Memory(directory, decisions, attributes, suppressions, frequency);
    }

    static AudienceFunnel.Result evaluate(Memory m, Rule rule) {
        RoaringBitmap matched = m.attributes().evaluate(rule, TODAY);
        return AudienceFunnel.run(matched,
                c -> m.decisions().allowed("marketing", MARKETING, Channel.SMS, NOW, c),
                m.suppressions().union(List.of()),
                c -> new RoaringBitmap(),
                c -> m.frequency().atLeast(PER_WEEK, NOW, 7, c));
    }

    /** Minimum time of each stage over many runs, to see where the time goes. */
    static void stages(Memory m, Rule rule) {
        RoaringBitmap matched = m.attributes().evaluate(rule, TODAY);
        RoaringBitmap allowed = m.decisions().allowed("marketing", MARKETING, Channel.SMS, NOW, matched);
        RoaringBitmap kept = RoaringBitmap.andNot(allowed, m.suppressions().union(List.of()));
        for (int round = 0; round < 3; round++) {
            System.out.printf("rule %.3f ms, consent %.3f ms, suppression %.3f ms, cap %.3f ms, whole %.3f ms%n",
                    time(60, () -> m.attributes().evaluate(rule, TODAY).getCardinality())[0],
                    time(60, () -> m.decisions().allowed("marketing", MARKETING, Channel.SMS, NOW, matched)
                            .getCardinality())[0],
                    time(60, () -> RoaringBitmap.andNot(allowed, m.suppressions().union(List.of())).getCardinality())[0],
                    time(60, () -> m.frequency().atLeast(PER_WEEK, NOW, 7, kept).getCardinality())[0],
                    time(60, () -> evaluate(m, rule).counts().count())[0]);
        }
    }

    // ---- PostgreSQL ----

    static final String SQL = """
            SELECT count(*) FROM bench_subject s
            JOIN bench_consent c ON c.idx = s.idx AND c.purpose = 'marketing' AND c.channel = 'sms'
            WHERE s.birth_month = 12 AND s.tier IN ('gold', 'platinum') AND s.last_order_day >= ?
              AND s.status = 1 AND c.action = 'GRANT'
              AND (c.captured_at / 1000) * 1000 + ? > ?
              AND c.notice_seq >= 3
              AND (s.adult_from IS NULL OR s.adult_from <= ? OR c.guardian)
              AND NOT EXISTS (SELECT 1 FROM bench_suppression x WHERE x.idx = s.idx)
              AND (SELECT count(*) FROM bench_send f WHERE f.idx = s.idx AND f.sent_at >= ? AND f.sent_at < ?) < ?
            """;

    static void load(Connection db, int n, boolean reuse) throws Exception {
        if (reuse && loaded(db) == n) {
            System.out.printf("PostgreSQL: reusing %,d subjects already loaded%n", n);
            return;
        }
        try (Statement st = db.createStatement()) {
            st.execute("DROP TABLE IF EXISTS bench_subject, bench_consent, bench_suppression, bench_send, bench_meta");
            st.execute("CREATE UNLOGGED TABLE bench_subject (idx INT NOT NULL, status SMALLINT NOT NULL, adult_from INT, "
                    + "tier TEXT NOT NULL, city TEXT NOT NULL, birth_month SMALLINT NOT NULL, birth_day INT NOT NULL, "
                    + "orders INT NOT NULL, spend_cents INT NOT NULL, last_order_day INT)");
            st.execute("CREATE UNLOGGED TABLE bench_consent (idx INT NOT NULL, purpose TEXT NOT NULL, channel TEXT NOT NULL, "
                    + "action TEXT NOT NULL, captured_at BIGINT NOT NULL, notice_seq INT NOT NULL, guardian BOOLEAN NOT NULL)");
            st.execute("CREATE UNLOGGED TABLE bench_suppression (idx INT NOT NULL)");
            st.execute("CREATE UNLOGGED TABLE bench_send (idx INT NOT NULL, sent_at BIGINT NOT NULL)");
            st.execute("CREATE TABLE bench_meta (subjects INT NOT NULL)");
        }
        long t0 = System.nanoTime();
        copy(db, n, "bench_subject", (s, p, b) -> b.append(s).append(',').append(p.status).append(',')
                .append(p.adultFrom == SubjectDirectory.NO_MINOR ? "" : Integer.toString(p.adultFrom)).append(',')
                .append(p.tier).append(',').append(p.city).append(',')
                .append(LocalDate.ofEpochDay(p.birthDay).getMonthValue()).append(',').append(p.birthDay).append(',')
                .append(p.orders).append(',').append(p.spendCents).append(',')
                .append(p.orders == 0 ? "" : Integer.toString(p.lastOrderDay)).append('\n'));
        copy(db, n, "bench_consent", (s, p, b) -> {
            if (p.action != 0) {
                b.append(s).append(",marketing,sms,").append(ACTIONS[p.action - 1].name()).append(',')
                        .append(p.capturedAt).append(',').append(p.notice).append(',').append(p.guardian).append('\n');
            }
        });
        copy(db, n, "bench_suppression", (s, p, b) -> {
            if (p.suppressed) {
                b.append(s).append('\n');
            }
        });
        copy(db, n, "bench_send", (s, p, b) -> {
            for (int i = 0; i < p.sendCount; i++) {
                b.append(s).append(',').append(p.sends[i]).append('\n');
            }
        });
        long t1 = System.nanoTime();
        try (Statement st = db.createStatement()) {
            st.execute("ALTER TABLE bench_subject ADD PRIMARY KEY (idx)");
            st.execute("CREATE INDEX ON bench_subject (birth_month)");
            st.execute("CREATE INDEX ON bench_subject (tier)");
            st.execute("CREATE INDEX ON bench_subject (last_order_day)");
            st.execute("CREATE INDEX ON bench_subject (birth_month, tier, last_order_day)");
            st.execute("ALTER TABLE bench_consent ADD PRIMARY KEY (idx, purpose, channel)");
            st.execute("CREATE INDEX ON bench_consent (purpose, channel, action)");
            st.execute("ALTER TABLE bench_suppression ADD PRIMARY KEY (idx)");
            st.execute("CREATE INDEX ON bench_send (idx, sent_at)");
            st.execute("ANALYZE");
            st.execute("INSERT INTO bench_meta VALUES (" + n + ")");
        }
        System.out.printf("PostgreSQL: loaded %,d subjects in %,d s, indexed in %,d s%n", n,
                (t1 - t0) / 1_000_000_000L, (System.nanoTime() - t1) / 1_000_000_000L);
    }

    interface Row {
        void append(int subject, Person p, StringBuilder out);
    }

    static void copy(Connection db, int n, String table, Row row) throws Exception {
        CopyIn in = db.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY " + table + " FROM STDIN (FORMAT csv)");
        StringBuilder b = new StringBuilder(1 << 20);
        forEachPerson(n, (s, p) -> {
            row.append(s, p, b);
            if (b.length() > (1 << 20) - 512) {
                byte[] bytes = b.toString().getBytes(StandardCharsets.UTF_8);
                in.writeToCopy(bytes, 0, bytes.length);
                b.setLength(0);
            }
        });
        byte[] bytes = b.toString().getBytes(StandardCharsets.UTF_8);
        in.writeToCopy(bytes, 0, bytes.length);
        in.endCopy();
    }

    static int loaded(Connection db) {
        try (Statement st = db.createStatement(); ResultSet rs = st.executeQuery("SELECT subjects FROM bench_meta")) {
            return rs.next() ? rs.getInt(1) : -1;
        } catch (SQLException e) {
            return -1;
        }
    }

    static long sqlCount(Connection db) throws SQLException {
        try (PreparedStatement ps = db.prepareStatement(SQL)) {
            long weekStart = (Math.floorDiv(NOW, DAY) - 6) * DAY;
            ps.setInt(1, TODAY_DAY - 365);
            ps.setLong(2, VALIDITY);
            ps.setLong(3, NOW);
            ps.setInt(4, TODAY_DAY);
            ps.setLong(5, weekStart);
            ps.setLong(6, (Math.floorDiv(NOW, DAY) + 1) * DAY);
            ps.setInt(7, PER_WEEK);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    static Connection connect() throws SQLException {
        String url = System.getenv().getOrDefault("CONSENTO_BENCH_PG_URL",
                "jdbc:postgresql://localhost:5432/consento_audience_bench");
        String user = System.getenv().getOrDefault("CONSENTO_BENCH_PG_USER", "consento");
        String password = System.getenv().getOrDefault("CONSENTO_BENCH_PG_PASSWORD", "consento");
        try {
            return DriverManager.getConnection(url, user, password);
        } catch (SQLException e) {
            String admin = url.substring(0, url.lastIndexOf('/') + 1) + "postgres";
            try (Connection c = DriverManager.getConnection(admin, user, password); Statement st = c.createStatement()) {
                st.execute("CREATE DATABASE " + url.substring(url.lastIndexOf('/') + 1).replaceAll("\\?.*", ""));
            }
            return DriverManager.getConnection(url, user, password);
        }
    }

    static double[] time(int runs, java.util.function.LongSupplier work) {
        double[] ms = new double[runs];
        for (int i = 0; i < runs; i++) {
            long t = System.nanoTime();
            work.getAsLong();
            ms[i] = (System.nanoTime() - t) / 1e6;
        }
        Arrays.sort(ms);
        return ms;
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 && !args[0].startsWith("--") ? Integer.parseInt(args[0].replace("_", "")) : 10_000_000;
        boolean reuse = Arrays.asList(args).contains("--reuse");
        Rule rule = RuleParser.parse(RULE, "/rule");
        long t0 = System.nanoTime();
        Memory memory = build(n);
        System.out.printf("memory: built %,d subjects in %,d ms; attribute index %.1f B/subject; decision key %.1f B/subject%n",
                n, (System.nanoTime() - t0) / 1_000_000, memory.attributes().bytesUsed() / (double) n,
                memory.decisions().bytesUsed() / (double) n);
        AudienceFunnel.Result result = evaluate(memory, rule);
        System.out.println("memory: " + result.counts());
        // cross-check the bitmap gate against the per-person decision for every candidate
        RoaringBitmap matched = memory.attributes().evaluate(rule, TODAY);
        int perPerson = 0;
        for (int s : matched.toArray()) {
            perPerson += memory.decisions().decide(s, "marketing", MARKETING, Channel.SMS, NOW).allowed() ? 1 : 0;
        }
        if (perPerson != result.counts().matchedRule() - result.counts().excludedByConsent()) {
            throw new IllegalStateException("consent gate disagrees with decide(): " + perPerson);
        }
        if (Arrays.asList(args).contains("--stages")) {
            stages(memory, rule);
            return;
        }
        time(20, () -> evaluate(memory, rule).counts().count());
        double[] mem = time(30, () -> evaluate(memory, rule).counts().count());

        try (Connection db = connect()) {
            load(db, n, reuse);
            long sql = sqlCount(db);
            if (sql != result.counts().count()) {
                throw new IllegalStateException("PostgreSQL counts " + sql + ", memory " + result.counts().count());
            }
            double[] pg = time(5, () -> {
                try {
                    return sqlCount(db);
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            double memMedian = mem[mem.length / 2];
            double pgMedian = pg[pg.length / 2];
            System.out.printf("audience over %,d subjects (consent gate + 3 predicates + suppression + cap %d/week): "
                            + "count %,d%n  in memory: median %.2f ms (min %.2f, p90 %.2f) over %d runs%n"
                            + "  PostgreSQL indexed SQL: median %.1f ms (min %.1f) over %d runs%n  ratio: %.0f×%n",
                    n, PER_WEEK, result.counts().count(), memMedian, mem[0], mem[(int) (mem.length * 0.9)], mem.length,
                    pgMedian, pg[0], pg.length, pgMedian / memMedian);
            System.out.printf("{\"subjects\":%d,\"count\":%d,\"memoryMedianMs\":%.3f,\"postgresMedianMs\":%.1f,\"ratio\":%.0f}%n",
                    n, result.counts().count(), memMedian, pgMedian, pgMedian / memMedian);
        }
    }

    private AudienceBenchmark() {
    }
}
