package com.consento.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * HTTP load generator for durable ingest ({@code POST /api/v1/consent-events}) with the trivial endpoint
 * ({@code GET /api/v1/ping}) as the baseline in the same run. Bounded in count and time; refuses any target but
 * the loopback interface.
 * <pre>
 * java -cp bench/target/benchmarks.jar com.consento.bench.IngestLoad --url http://127.0.0.1:18181 \
 *      --key bench-admin-key --events 200000 --batch 1000 --threads 4 [--server-pid PID] [--idempotency]
 * </pre>
 * With {@code --server-pid} (Linux), it also reports the server's CPU time per request and per event, which is
 * less sensitive than throughput to other load on a shared machine.
 * Steps: creates a purpose and a notice, measures ping throughput (warm-up of {@code --ping-warmup-seconds}, 20 by
 * default, then {@code --ping-seconds}, 10), warms
 * up ingest ({@code --warmup-events}), then posts {@code --events} events in batches of {@code --batch} from
 * {@code --threads} threads; {@code --report-every N} adds a cost-curve line each N events. Each event names its subject by a phone {@code +86138xxxxxxxx} drawn from a pool of
 * {@code --subjects} (default events / 2, so about half the events create a subject and half reuse one);
 * actions are 70 % GRANT, 30 % WITHDRAW over four channels, each with a little evidence. Prints events/s,
 * p50/p99 batch latency, ping requests/s and the ratios, then one JSON line.
 */
public final class IngestLoad {
    private static final Set<String> LOOPBACK = Set.of("127.0.0.1", "localhost", "[::1]", "::1");
    private static final String[] CHANNELS = {"sms", "email", "push", "wechat"};
    private static final String[] TOUCHPOINTS = {"WEB", "APP", "MINI_PROGRAM", "STORE"};

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final String url;
    private final String key;
    private final String purpose;
    private final boolean idempotency;
    private final String run = Long.toString(System.currentTimeMillis(), 36);

    private IngestLoad(String url, String key, String purpose, boolean idempotency) {
        this.url = url.replaceAll("/+$", "");
        this.key = key;
        this.purpose = purpose;
        this.idempotency = idempotency;
    }

    public static void main(String[] args) throws Exception {
        Args a = new Args(args);
        String url = a.get("url", "http://127.0.0.1:18181");
        URI target = URI.create(url);
        if (!"http".equals(target.getScheme()) || target.getHost() == null || !LOOPBACK.contains(target.getHost())) {
            System.err.println("refusing to load " + url + ": only http://127.0.0.1, localhost or [::1] may be targeted");
            System.exit(2);
        }
        int events = a.integer("events", 100_000);
        int batch = a.integer("batch", 1000);
        int threads = a.integer("threads", 4);
        int subjects = a.integer("subjects", Math.max(1, events / 2));
        int warmup = a.integer("warmup-events", Math.min(20_000, Math.max(batch, events / 5)));
        int pingSeconds = a.integer("ping-seconds", 10);
        int pingThreads = a.integer("ping-threads", threads);
        int maxSeconds = a.integer("max-seconds", 600);
        if (events < 1 || events > 50_000_000 || batch < 1 || batch > 1000 || threads < 1 || threads > 64
                || subjects > 99_999_999 || maxSeconds < 1 || maxSeconds > 3600) {
            System.err.println("out of bounds: events 1..50M, batch 1..1000, threads 1..64, subjects <= 99,999,999, "
                    + "max-seconds 1..3600");
            System.exit(2);
        }
        long serverPid = Long.parseLong(a.get("server-pid", "0"));
        IngestLoad load = new IngestLoad(url, a.get("key", System.getenv().getOrDefault("CONSENTO_ADMIN_KEY", "")),
                a.get("purpose", "bench_marketing"), a.flag("idempotency"));
        String notice = load.setUp();
        System.out.printf("target %s, purpose %s, notice %s; %,d events in batches of %d from %d threads, "
                + "subject pool %,d, idempotency keys %s%n", url, load.purpose, notice, events, batch, threads,
                subjects, load.idempotency ? "on" : "off");

        System.out.println("load average at start: " + loadAverage());
        String pingPath = load.pingPath();
        load.ping(pingPath, pingThreads, a.integer("ping-warmup-seconds", 20), Integer.MAX_VALUE); // warm-up
        double[] cpu0 = cpu(serverPid);
        Result ping = load.ping(pingPath, pingThreads, pingSeconds, 5_000_000);
        double[] cpu1 = cpu(serverPid);
        System.out.printf("ping baseline  GET %s: %,.0f requests/s (%d threads, %,d requests, p50 %.2f ms, p99 %.2f ms)%s%n",
                pingPath, ping.perSecond(), pingThreads, ping.requests, ping.p(50), ping.p(99),
                cpuNote(cpu0, cpu1, ping.seconds, ping.requests, "request"));

        long deadline = System.nanoTime() + maxSeconds * 1_000_000_000L;
        Result warm = load.ingest(notice, warmup, batch, threads, 100_000_000 - 1_000_000, 900_000, 7, deadline);
        System.out.printf("ingest warm-up %,d events: %,.0f events/s%n", warm.events, warm.eventsPerSecond());
        double[] cpu2 = cpu(serverPid);
        Thread curve = a.integer("report-every", 0) > 0
                ? start(() -> costCurve(load.measured, events, a.integer("report-every", 0), serverPid)) : null;
        Result r = load.ingest(notice, events, batch, threads, 0, subjects, 11, deadline);
        if (curve != null) {
            curve.interrupt();
            curve.join();
        }
        double[] cpu3 = cpu(serverPid);
        System.out.printf("ingest         %,d events (%,d batches, %d failed) in %.2f s: %,.0f events/s; batch latency "
                        + "p50 %.1f ms, p99 %.1f ms, max %.1f ms%s%n", r.events, r.requests, r.failures, r.seconds,
                r.eventsPerSecond(), r.p(50), r.p(99), r.p(100), r.timedOut ? " (stopped by --max-seconds)" : "");
        if (serverPid > 0) {
            System.out.println("               " + cpuNote(cpu2, cpu3, r.seconds, r.events, "event").trim());
        }
        System.out.println("load average at end: " + loadAverage());
        double batchOverPing = r.perSecond() / ping.perSecond();
        double eventsOverPing = r.eventsPerSecond() / ping.perSecond();
        System.out.printf("ratios         batch requests/s / ping requests/s = %.4f; events/s / ping requests/s = %.2f%n",
                batchOverPing, eventsOverPing);
        System.out.printf("target         >= 20,000 durable events/s: %s%n",
                r.eventsPerSecond() >= 20_000 && r.failures == 0 ? "MET" : "MISSED");
        System.out.printf(Locale.ROOT, "{\"events\":%d,\"batch\":%d,\"threads\":%d,\"eventsPerSec\":%.1f,\"batchP50Ms\":%.2f,"
                        + "\"batchP99Ms\":%.2f,\"failures\":%d,\"pingPath\":\"%s\",\"pingPerSec\":%.1f,\"pingP50Ms\":%.3f,"
                        + "\"pingP99Ms\":%.3f,\"batchOverPing\":%.5f,\"eventsOverPing\":%.3f}%n", r.events, batch, threads,
                r.eventsPerSecond(), r.p(50), r.p(99), r.failures, pingPath, ping.perSecond(), ping.p(50), ping.p(99),
                batchOverPing, eventsOverPing);
        System.exit(r.failures == 0 ? 0 : 1);
    }

    /** Events acknowledged so far by the ingest that runs now, for the cost curve. */
    private volatile AtomicLong measured = new AtomicLong();

    /**
     * The cost curve ({@code --report-every N}): a line each N acknowledged events with that window's events/s,
     * the server's CPU an event and its resident memory, to see whether anything grows faster than the data.
     */
    private static void costCurve(AtomicLong sent, int events, int every, long serverPid) {
        long mark = 0;
        long t0 = System.nanoTime();
        double[] cpu0 = cpu(serverPid);
        System.out.println("curve          events, window events/s, server µs CPU an event, server RSS MB");
        while (!Thread.currentThread().isInterrupted() && mark < events) {
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                return;
            }
            long now = sent.get();
            if (now - mark >= every) {
                long t1 = System.nanoTime();
                double[] cpu1 = cpu(serverPid);
                System.out.printf(Locale.ROOT, "curve          %,d, %,.0f, %.1f, %d%n", now,
                        (now - mark) / ((t1 - t0) / 1e9), (cpu1[0] - cpu0[0]) * 1e6 / (now - mark), rssMb(serverPid));
                mark = now;
                t0 = t1;
                cpu0 = cpu1;
            }
        }
    }

    private static long rssMb(long pid) {
        try {
            for (String line : java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return -1;
    }

    /** {server CPU seconds (user + system) or NaN, this process's CPU seconds}. */
    private static double[] cpu(long pid) {
        double self = ProcessHandle.current().info().totalCpuDuration().map(d -> d.toNanos() / 1e9).orElse(Double.NaN);
        return new double[] {CpuLog.processCpuSeconds(pid), self};
    }

    private static String cpuNote(double[] before, double[] after, double seconds, long units, String unit) {
        double server = after[0] - before[0];
        double client = after[1] - before[1];
        String s = String.format("; load generator used %.2f cores", client / seconds);
        if (!Double.isNaN(server)) {
            s += String.format("; server used %.2f cores, %.1f µs CPU a%s %s", server / seconds, server * 1e6 / units,
                    unit.startsWith("e") ? "n" : "", unit);
        }
        return s;
    }

    private static String loadAverage() {
        try {
            return java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).trim();
        } catch (IOException e) {
            return "?";
        }
    }

    /** Creates (or updates) the purpose and publishes a notice covering it; returns the notice version. */
    private String setUp() throws IOException, InterruptedException {
        String body = "{\"name\":{\"zh-CN\":\"基准营销\",\"en\":\"Benchmark marketing\"},\"legalBasis\":\"CONSENT\","
                + "\"channels\":[\"sms\",\"email\",\"push\",\"wechat\"],\"separateConsent\":false,\"sensitive\":false,"
                + "\"validityDays\":730,\"retentionDays\":1095,\"dataCategories\":[\"phone\"],\"recipients\":[]}";
        HttpResponse<String> p = send("PUT", "/api/v1/purposes/" + purpose, body, null);
        require(p, 200, 201);
        String version = "bench-" + run;
        String notice = "{\"version\":\"" + version + "\",\"locale\":\"zh-CN\",\"title\":\"基准测试通知\","
                + "\"body\":\"我们会通过短信、邮件、推送和微信向您发送营销信息。\","
                + "\"handler\":{\"name\":\"Consento Bench Retail\",\"contact\":\"privacy@example.com\"},"
                + "\"officerContact\":\"dpo@example.com\",\"purposes\":[\"" + purpose + "\"],\"methods\":\"SMS, e-mail\","
                + "\"dataCategories\":[\"phone\"],\"retention\":\"3 years\",\"rights\":\"access, correction, deletion\","
                + "\"material\":false,\"effectiveAt\":\"" + Instant.now().minus(Duration.ofDays(1)) + "\"}";
        require(send("POST", "/api/v1/notices", notice, null), 200, 201);
        return version;
    }

    /** {@code /api/v1/ping} if the server has it, else the cheapest authenticated read, named in the output. */
    private String pingPath() throws IOException, InterruptedException {
        HttpResponse<String> r = send("GET", "/api/v1/ping", null, null);
        if (r.statusCode() / 100 == 2) {
            return "/api/v1/ping";
        }
        System.out.println("note: GET /api/v1/ping answered " + r.statusCode() + "; using GET /api/v1/purposes/"
                + purpose + " as the trivial-endpoint baseline instead");
        return "/api/v1/purposes/" + purpose;
    }

    private Result ping(String path, int threads, int seconds, int maxRequests) throws InterruptedException {
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        AtomicInteger issued = new AtomicInteger();
        ConcurrentLinkedQueue<long[]> latencies = new ConcurrentLinkedQueue<>();
        AtomicLong failures = new AtomicLong();
        long start = System.nanoTime();
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            workers.add(start(() -> {
                long[] mine = new long[1 << 16];
                int n = 0;
                while (System.nanoTime() < end && issued.incrementAndGet() <= maxRequests) {
                    long t0 = System.nanoTime();
                    try {
                        HttpResponse<String> r = send("GET", path, null, null);
                        if (r.statusCode() / 100 != 2) {
                            failures.incrementAndGet();
                        }
                    } catch (IOException | InterruptedException e) {
                        failures.incrementAndGet();
                    }
                    if (n == mine.length) {
                        mine = Arrays.copyOf(mine, n * 2);
                    }
                    mine[n++] = System.nanoTime() - t0;
                }
                latencies.add(Arrays.copyOf(mine, n));
            }));
        }
        for (Thread w : workers) {
            w.join();
        }
        return new Result(latencies, System.nanoTime() - start, 0, failures.get(), false);
    }

    /**
     * Posts {@code events} events; subject phone numbers are {@code +86138} and 8 digits, drawn from
     * {@code [phoneBase, phoneBase + pool)}.
     */
    private Result ingest(String notice, int events, int batch, int threads, int phoneBase, int pool, long seed,
                          long deadline) throws InterruptedException {
        int batches = (events + batch - 1) / batch;
        AtomicInteger next = new AtomicInteger();
        AtomicLong sent = new AtomicLong();
        measured = sent;
        AtomicLong failures = new AtomicLong();
        ConcurrentLinkedQueue<long[]> latencies = new ConcurrentLinkedQueue<>();
        boolean[] timedOut = {false};
        long start = System.nanoTime();
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            workers.add(start(() -> {
                long[] mine = new long[batches];
                int n = 0;
                for (int b = next.getAndIncrement(); b < batches; b = next.getAndIncrement()) {
                    if (System.nanoTime() > deadline) {
                        timedOut[0] = true;
                        break;
                    }
                    int size = Math.min(batch, events - b * batch);
                    String body = batchJson(notice, b, size, phoneBase, pool, seed);
                    long t0 = System.nanoTime();
                    try {
                        HttpResponse<String> r = send("POST", "/api/v1/consent-events", body,
                                idempotency ? "bench-" + run + "-" + seed + "-" + b : null);
                        if (r.statusCode() / 100 == 2) {
                            sent.addAndGet(size);
                        } else if (failures.incrementAndGet() <= 3) {
                            System.err.println("batch " + b + " answered " + r.statusCode() + ": "
                                    + r.body().substring(0, Math.min(600, r.body().length())));
                        }
                    } catch (IOException | InterruptedException e) {
                        if (failures.incrementAndGet() <= 3) {
                            System.err.println("batch " + b + " failed: " + e);
                        }
                    }
                    mine[n++] = System.nanoTime() - t0;
                    if (failures.get() > 20) {
                        System.err.println("more than 20 failed batches: stopping");
                        break;
                    }
                }
                latencies.add(Arrays.copyOf(mine, n));
            }));
        }
        for (Thread w : workers) {
            w.join();
        }
        return new Result(latencies, System.nanoTime() - start, sent.get(), failures.get(), timedOut[0]);
    }

    private String batchJson(String notice, int b, int size, int phoneBase, int pool, long seed) {
        SplittableRandom r = new SplittableRandom(seed * 1_000_003L + b);
        long now = System.currentTimeMillis();
        StringBuilder sb = new StringBuilder(size * 360).append("{\"events\":[");
        for (int i = 0; i < size; i++) {
            int phone = phoneBase + r.nextInt(pool);
            String action = r.nextDouble() < 0.7 ? "GRANT" : "WITHDRAW";
            if (i > 0) {
                sb.append(',');
            }
            sb.append("{\"subject\":{\"identifiers\":[{\"type\":\"phone\",\"value\":\"+86138")
                    .append(String.format("%08d", phone)).append("\"}]},\"purpose\":\"").append(purpose)
                    .append("\",\"channel\":\"").append(CHANNELS[r.nextInt(CHANNELS.length)])
                    .append("\",\"action\":\"").append(action).append("\",\"noticeVersion\":\"").append(notice)
                    .append("\",\"touchpoint\":\"").append(TOUCHPOINTS[r.nextInt(TOUCHPOINTS.length)])
                    .append("\",\"capturedAt\":\"").append(Instant.ofEpochMilli(now - r.nextInt(86_400_000)))
                    .append("\",\"actor\":{\"type\":\"SUBJECT\"},\"evidence\":{\"ip\":\"127.0.0.1\","
                            + "\"userAgent\":\"consento-bench/1.0\",\"method\":\"checkbox\"}}");
        }
        return sb.append("]}").toString();
    }

    private HttpResponse<String> send(String method, String path, String body, String idempotencyKey)
            throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url + path)).timeout(Duration.ofSeconds(120))
                .header("Authorization", "Bearer " + key).header("Accept", "application/json");
        if (idempotencyKey != null) {
            b.header("Idempotency-Key", idempotencyKey);
        }
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            b.header("Content-Type", "application/json");
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static Thread start(Runnable body) {
        Thread t = new Thread(body, "ingest-load");
        t.start();
        return t;
    }

    private static void require(HttpResponse<String> r, int... ok) {
        for (int code : ok) {
            if (r.statusCode() == code) {
                return;
            }
        }
        throw new IllegalStateException(r.request().method() + " " + r.uri() + " answered " + r.statusCode() + ": "
                + r.body());
    }

    /** Latencies (ns) of every request, wall time, events accepted, failed requests. */
    private static final class Result {
        final long[] sorted;
        final long requests;
        final double seconds;
        final long events;
        final long failures;
        final boolean timedOut;

        Result(ConcurrentLinkedQueue<long[]> parts, long nanos, long events, long failures, boolean timedOut) {
            this.sorted = parts.stream().flatMapToLong(Arrays::stream).sorted().toArray();
            this.requests = sorted.length;
            this.seconds = nanos / 1e9;
            this.events = events;
            this.failures = failures;
            this.timedOut = timedOut;
        }

        double perSecond() {
            return requests / seconds;
        }

        double eventsPerSecond() {
            return events / seconds;
        }

        /** Percentile in milliseconds (nearest rank). */
        double p(double pct) {
            if (sorted.length == 0) {
                return Double.NaN;
            }
            int rank = (int) Math.ceil(pct / 100.0 * sorted.length);
            return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))] / 1e6;
        }
    }

    /** {@code --name value} and {@code --flag} options. */
    private static final class Args {
        private final String[] args;

        Args(String[] args) {
            this.args = args;
        }

        String get(String name, String otherwise) {
            for (int i = 0; i + 1 < args.length; i++) {
                if (args[i].equals("--" + name)) {
                    return args[i + 1];
                }
            }
            return otherwise;
        }

        int integer(String name, int otherwise) {
            String v = get(name, null);
            return v == null ? otherwise : Integer.parseInt(v.replace("_", ""));
        }

        boolean flag(String name) {
            return Arrays.asList(args).contains("--" + name);
        }
    }
}
