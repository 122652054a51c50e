package com.consento.recommendations;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.consento.decisions.Decision;
import com.consento.decisions.Reason;
import com.consento.signals.SignalQueries;
import com.consento.signals.SignalQueries.Interaction;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * Request latency at 1 M subjects, in process (docs/bench-recommendations.md, "Recommendation latency"). Not
 * part of the suite (the name matches no surefire include); run it explicitly:
 * {@code ./mvnw -o -pl app test -Dtest=RecommendationLatencyBenchmark -Dsurefire.failIfNoSpecifiedTests=false}
 * ({@code -Dbench.subjects=…}, {@code -Dbench.requests=…} to change the size). Needs the Online Retail file.
 *
 * <p>Hit path: the consent gate, the held features of one of 1 M subjects, the model trained on Online Retail
 * (3,665 items) and the explained list — everything a request does when the person's features are held.
 * Miss path: the same plus deriving the features from a SQLite database holding the orders of 1 M subjects
 * (the last-deletion lookup and the one indexed signals query).
 */
class RecommendationLatencyBenchmark {
    private static final String FILE = "shared/data/online-retail/online-retail.csv.gz";
    private static final int SUBJECTS = Integer.getInteger("bench.subjects", 1_000_000);
    private static final int REQUESTS = Integer.getInteger("bench.requests", 100_000);
    private static final String[] CATEGORIES = {"kitchen", "lighting", "home_decor", "toys", "stationery", "bags"};

    private static Optional<Path> dataFile() {
        return Stream.of(Path.of("..", "..", FILE), Path.of("..", FILE)).filter(Files::isRegularFile).findFirst();
    }

    @Test
    void latency_at_one_million_subjects() throws Exception {
        Optional<Path> file = dataFile();
        Assumptions.assumeTrue(file.isPresent(), "no " + FILE + " beside the repository");
        List<List<String>> customers = new ArrayList<>(PurchaseSequences.read(file.get()).values());
        long t0 = System.nanoTime();
        RecommendationModel model = RecommendationTrainer.train(customers);
        System.out.printf(Locale.ROOT, "bench: trained on %d customers, %d items in %.1f s%n", customers.size(),
                model.itemCount(), (System.nanoTime() - t0) / 1e9);
        Map<String, String> names = new HashMap<>();
        OnlineRetailReader.read(file.get(), l -> names.putIfAbsent(l.stockCode(), Explanations.readable(l.description())));

        FeatureStore store = new FeatureStore();
        SubjectFeatures[] prototypes = new SubjectFeatures[customers.size()];
        for (int c = 0; c < prototypes.length; c++) {
            prototypes[c] = FeatureBuilder.build(interactions(customers.get(c), 0), store.dictionary(),
                    store.categories(), 200, false, 1, 0);
        }
        System.gc();
        long before = usedHeap();
        for (int s = 0; s < SUBJECTS; s++) {
            SubjectFeatures p = prototypes[s % prototypes.length];
            store.put(s, new SubjectFeatures(p.items().clone(), (BitSet) p.bought().clone(), p.itemCategories().clone(),
                    p.topCategories(), false, Long.MAX_VALUE / 2, false, 0, new int[0], new float[0]));
        }
        System.gc();
        double perSubject = (double) (usedHeap() - before) / SUBJECTS;
        double meanItems = Arrays.stream(prototypes).mapToInt(p -> p.items().length).average().orElse(0);
        System.out.printf(Locale.ROOT, "bench: %d subjects' features held, %.1f distinct items each on average, "
                + "%.0f bytes per subject%n", SUBJECTS, meanItems, perSubject);

        Decision[] personalization = new Decision[SUBJECTS];
        Decision granted = new Decision(true, Reason.GRANTED, 1);
        Decision none = new Decision(false, Reason.NO_CONSENT, 0);
        SplittableRandom random = new SplittableRandom(42);
        for (int s = 0; s < SUBJECTS; s++) {
            personalization[s] = random.nextInt(10) < 8 ? granted : none;
        }
        Personaliser personaliser = new Personaliser(store, names::get, PopularItems.EMPTY);
        long[] hit = measure("hit path (held features)", REQUESTS, random, s -> {
            ConsentGate.Verdict v = ConsentGate.evaluate(false, personalization[s], granted);
            if (v.personalised()) {
                SubjectFeatures f = store.get(s).orElseThrow();
                Personaliser.Ranked r = personaliser.rank(model, f, 10, Language.ZH_CN);
                store.recordScores(s, f, r.ids(), r.scores());
                assertTrue(!r.items().isEmpty());
            }
        });

        Path dir = Files.createTempDirectory("rec-bench-");
        SingleConnectionDataSource db = new SingleConnectionDataSource(
                "jdbc:sqlite:" + dir.resolve("bench.db") + "?journal_mode=WAL&synchronous=OFF", true);
        try {
            JdbcTemplate jdbc = new JdbcTemplate(db);
            for (String migration : List.of("V5__signals.sql", "V10__recommendations.sql")) {
                String sql = new String(getClass().getResourceAsStream("/db/migration/" + migration).readAllBytes(),
                        StandardCharsets.UTF_8);
                for (String statement : sql.replaceAll("(?m)^--.*$", "").split(";")) {
                    if (!statement.isBlank()) {
                        jdbc.execute(statement);
                    }
                }
            }
            long loadStart = System.nanoTime();
            long lines = load(jdbc, customers);
            System.out.printf(Locale.ROOT, "bench: SQLite loaded with %d subjects, %d orders lines in %.0f s%n",
                    SUBJECTS, lines, (System.nanoTime() - loadStart) / 1e9);
            JdbcClient client = JdbcClient.create(db);
            FeatureSource source = new FeatureSource(new SignalQueries(client), new FeatureResets(client), store,
                    RecommendationSettings.defaults());
            long[] miss = measure("miss path (features derived from SQLite)", REQUESTS / 5, random, s -> {
                ConsentGate.Verdict v = ConsentGate.evaluate(false, granted, granted);
                if (v.personalised()) {
                    SubjectFeatures f = source.load(id(s), false, 1);
                    store.put(s, f);
                    Personaliser.Ranked r = personaliser.rank(model, f, 10, Language.ZH_CN);
                    assertTrue(!r.items().isEmpty());
                }
            });
            assertTrue(hit.length > 0 && miss.length > 0);
        } finally {
            db.destroy();
            try (Stream<Path> files = Files.list(dir)) {
                files.forEach(p -> p.toFile().delete());
            }
            Files.deleteIfExists(dir);
        }
    }

    /** Two orders of two lines per subject: the last four items of an Online Retail customer. */
    private static long load(JdbcTemplate jdbc, List<List<String>> customers) {
        List<Object[]> orders = new ArrayList<>();
        List<Object[]> lines = new ArrayList<>();
        long count = 0;
        jdbc.execute("BEGIN");
        for (int s = 0; s < SUBJECTS; s++) {
            List<String> history = customers.get(s % customers.size());
            List<String> last = history.subList(Math.max(0, history.size() - 4), history.size());
            for (int o = 0; o * 2 < last.size(); o++) {
                String order = "o" + s + "_" + o;
                orders.add(new Object[] {order, id(s), 1_000_000L + o, 9.9, "BENCH", 1_000_000L + o});
                for (int l = 0; l < 2 && o * 2 + l < last.size(); l++) {
                    String sku = last.get(o * 2 + l);
                    lines.add(new Object[] {order, l, sku, 1, 4.95, CATEGORIES[Math.floorMod(sku.hashCode(), 6)]});
                    count++;
                }
            }
            if (orders.size() >= 20_000 || s == SUBJECTS - 1) {
                jdbc.batchUpdate("INSERT INTO signal_order (order_id, subject_id, placed_at, amount, source, "
                        + "recorded_at) VALUES (?, ?, ?, ?, ?, ?)", orders);
                jdbc.batchUpdate("INSERT INTO signal_order_line (order_id, line_no, sku, quantity, unit_price, "
                        + "category) VALUES (?, ?, ?, ?, ?, ?)", lines);
                orders.clear();
                lines.clear();
                jdbc.execute("COMMIT");
                jdbc.execute("BEGIN");
            }
        }
        jdbc.execute("COMMIT");
        jdbc.execute("ANALYZE");
        return count;
    }

    private static String id(int subject) {
        return "sub_" + subject + "_3f9a2c1e";
    }

    private static List<Interaction> interactions(List<String> skus, long at) {
        List<Interaction> out = new ArrayList<>(skus.size());
        for (int i = 0; i < skus.size(); i++) {
            String sku = skus.get(i);
            out.add(new Interaction(sku, CATEGORIES[Math.floorMod(sku.hashCode(), 6)], at + i, true));
        }
        return out;
    }

    interface Request {
        void run(int subject) throws Exception;
    }

    /**
     * Wall time and this thread's CPU time per request. On a shared machine the wall-time tail is mostly time
     * spent waiting for a core; the CPU time is the work the request itself does.
     */
    private static long[] measure(String name, int n, SplittableRandom random, Request request) throws Exception {
        for (int i = 0; i < Math.min(20_000, n); i++) {
            request.run(random.nextInt(SUBJECTS));
        }
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long[] gcBefore = gc();
        long[] nanos = new long[n];
        long[] cpu = new long[n];
        for (int i = 0; i < n; i++) {
            int subject = random.nextInt(SUBJECTS);
            long cpuStart = threads.getCurrentThreadCpuTime();
            long start = System.nanoTime();
            request.run(subject);
            nanos[i] = System.nanoTime() - start;
            cpu[i] = threads.getCurrentThreadCpuTime() - cpuStart;
        }
        long[] gcAfter = gc();
        Arrays.sort(nanos);
        Arrays.sort(cpu);
        String load = Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        System.out.printf(Locale.ROOT, "bench: %s, %d requests, load average %s on %d cores:%n"
                        + "bench:   wall p50 %.3f ms, p90 %.3f ms, p99 %.3f ms, p99.9 %.3f ms, max %.3f ms%n"
                        + "bench:   cpu  p50 %.3f ms, p90 %.3f ms, p99 %.3f ms, p99.9 %.3f ms, max %.3f ms%n"
                        + "bench:   %d garbage collections took %d ms in all%n",
                name, n, load, Runtime.getRuntime().availableProcessors(),
                nanos[n / 2] / 1e6, nanos[n * 9 / 10] / 1e6, nanos[n * 99 / 100] / 1e6, nanos[n * 999 / 1000] / 1e6,
                nanos[n - 1] / 1e6, cpu[n / 2] / 1e6, cpu[n * 9 / 10] / 1e6, cpu[n * 99 / 100] / 1e6,
                cpu[n * 999 / 1000] / 1e6, cpu[n - 1] / 1e6, gcAfter[0] - gcBefore[0], gcAfter[1] - gcBefore[1]);
        return nanos;
    }

    /** Collections so far and their total time (ms), over all collectors. */
    private static long[] gc() {
        long[] total = new long[2];
        for (GarbageCollectorMXBean bean : ManagementFactory.getGarbageCollectorMXBeans()) {
            total[0] += Math.max(0, bean.getCollectionCount());
            total[1] += Math.max(0, bean.getCollectionTime());
        }
        return total;
    }

    private static long usedHeap() {
        Runtime r = Runtime.getRuntime();
        return r.totalMemory() - r.freeMemory();
    }
}
