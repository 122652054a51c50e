package com.consento.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.LockSupport;

/**
 * HTTP decisions against the same server's authenticated no-op ({@code GET /api/v1/ping}), in one run:
 * closed-loop maximum throughput of each, their ratio, the p99 of single decisions paced at half the maximum
 * rate, and batch decisions in checks per second. Only ever targets a loopback address; every loop is bounded.
 *
 * <pre>java -cp bench/target/benchmarks.jar com.consento.bench.HttpDecisionLoad --url http://127.0.0.1:18181
 *      --key KEY [--subjects 20000] [--threads 8] [--seconds 10] [--warmup-seconds 15] [--server-pid PID]</pre>
 */
public final class HttpDecisionLoad {
    private final String url;
    private final String key;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private HttpDecisionLoad(String url, String key) {
        if (!URI.create(url).getHost().matches("127\\.\\d+\\.\\d+\\.\\d+|localhost|\\[::1]")) {
            throw new IllegalArgumentException("this load generator only targets loopback addresses");
        }
        this.url = url;
        this.key = key;
    }

    public static void main(String[] args) throws Exception {
        String url = arg(args, "--url", "http://127.0.0.1:18181");
        String key = arg(args, "--key", "bench-admin-key");
        int subjects = Integer.parseInt(arg(args, "--subjects", "20000"));
        int threads = Integer.parseInt(arg(args, "--threads", "8"));
        int seconds = Integer.parseInt(arg(args, "--seconds", "10"));
        HttpDecisionLoad load = new HttpDecisionLoad(url, key);
        List<String> ids = load.seed(subjects);
        System.out.printf("seeded %d subjects%n", ids.size());

        long pid = Long.parseLong(arg(args, "--server-pid", "0"));
        // a fresh server is still compiling: warm every path measured below, batches included
        int warm = Integer.parseInt(arg(args, "--warmup-seconds", "15"));
        load.closedLoop("warm-up", threads, warm, i -> "/api/v1/ping");
        load.closedLoop("warm-up", threads, warm, i -> decision(ids));
        load.batch(threads, warm, ids, 1000);
        double c0 = CpuLog.processCpuSeconds(pid);
        Result ping = load.closedLoop("ping", threads, seconds, i -> "/api/v1/ping");
        double c1 = CpuLog.processCpuSeconds(pid);
        Result decide = load.closedLoop("decision", threads, seconds, i -> decision(ids));
        double c2 = CpuLog.processCpuSeconds(pid);
        // ping again after the decisions: the first ping run may still have been warming the server up
        Result pingAgain = load.closedLoop("ping (again)", threads, seconds, i -> "/api/v1/ping");
        double best = Math.max(ping.perSecond, pingAgain.perSecond);
        System.out.printf("ratio decision/ping = %.2f against the faster ping run (target >= 0.70)%n",
                decide.perSecond / best);
        Result paced = load.paced("decision @ half max", threads, seconds, decide.perSecond / 2, ids);
        System.out.printf("p99 at half max load = %.2f ms (target <= 5 ms)%n", paced.p99Millis);
        double c3 = CpuLog.processCpuSeconds(pid);
        Result batch = load.batch(threads, seconds, ids, 1000);
        double c4 = CpuLog.processCpuSeconds(pid);
        System.out.printf("batch decisions = %.0f checks/s (target >= 1,000,000)%n", batch.perSecond * 1000);
        if (pid > 0) {
            System.out.printf("server CPU: ping %.1f µs a request, decision %.1f µs a request, batch %.3f µs a check "
                            + "(%.2f M checks per server CPU-second)%n",
                    (c1 - c0) * 1e6 / (ping.perSecond * seconds), (c2 - c1) * 1e6 / (decide.perSecond * seconds),
                    (c4 - c3) * 1e6 / (batch.perSecond * 1000 * seconds), batch.perSecond * 1000 * seconds / (c4 - c3) / 1e6);
        }
    }

    record Result(double perSecond, double p50Millis, double p99Millis) {
    }

    interface PathSource {
        String path(int i);
    }

    Result closedLoop(String name, int threads, int seconds, PathSource paths) throws Exception {
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<long[]>> results = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            results.add(pool.submit(() -> {
                long[] lat = new long[4_000_000];
                int n = 0;
                while (System.nanoTime() < end && n < lat.length) {
                    long start = System.nanoTime();
                    get(paths.path(n));
                    lat[n++] = System.nanoTime() - start;
                }
                return Arrays.copyOf(lat, n);
            }));
        }
        return report(name, results, seconds, pool);
    }

    Result paced(String name, int threads, int seconds, double rate, List<String> ids) throws Exception {
        long interval = (long) (1e9 * threads / rate);
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<long[]>> results = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            long offset = interval * t / threads;
            results.add(pool.submit(() -> {
                long[] lat = new long[2_000_000];
                int n = 0;
                long next = System.nanoTime() + offset;
                while (next < end && n < lat.length) {
                    LockSupport.parkNanos(next - System.nanoTime());
                    get(decision(ids));
                    // latency from the intended start: a slow server cannot hide its queueing (no coordinated omission)
                    lat[n++] = System.nanoTime() - next;
                    next += interval;
                }
                return Arrays.copyOf(lat, n);
            }));
        }
        return report(name, results, seconds, pool);
    }

    Result batch(int threads, int seconds, List<String> ids, int size) throws Exception {
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<long[]>> results = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            results.add(pool.submit(() -> {
                long[] lat = new long[1_000_000];
                int n = 0;
                while (System.nanoTime() < end && n < lat.length) {
                    StringBuilder b = new StringBuilder("{\"checks\": [");
                    for (int i = 0; i < size; i++) {
                        String id = ids.get(ThreadLocalRandom.current().nextInt(ids.size()));
                        b.append(i == 0 ? "" : ",").append("{\"subject\":\"").append(id)
                                .append("\",\"purpose\":\"marketing\",\"channel\":\"sms\"}");
                    }
                    long start = System.nanoTime();
                    post("/api/v1/decisions/batch", b.append("]}").toString());
                    lat[n++] = System.nanoTime() - start;
                }
                return Arrays.copyOf(lat, n);
            }));
        }
        return report("batch of " + size, results, seconds, pool);
    }

    private Result report(String name, List<Future<long[]>> results, int seconds, ExecutorService pool) throws Exception {
        List<long[]> all = new ArrayList<>();
        for (Future<long[]> f : results) {
            all.add(f.get());
        }
        pool.shutdown();
        long[] lat = all.stream().flatMapToLong(Arrays::stream).sorted().toArray();
        double perSecond = lat.length / (double) seconds;
        Result r = new Result(perSecond, lat.length == 0 ? 0 : lat[lat.length / 2] / 1e6,
                lat.length == 0 ? 0 : lat[(int) (lat.length * 0.99)] / 1e6);
        System.out.printf("%-24s %10.0f req/s   p50 %.2f ms   p99 %.2f ms%n", name, r.perSecond, r.p50Millis, r.p99Millis);
        return r;
    }

    private static String decision(List<String> ids) {
        return "/api/v1/decisions?subject=" + ids.get(ThreadLocalRandom.current().nextInt(ids.size()))
                + "&purpose=marketing&channel=sms";
    }

    private void get(String path) {
        send(HttpRequest.newBuilder(URI.create(url + path)).header("Authorization", "Bearer " + key).GET().build());
    }

    private String post(String path, String body) {
        return send(HttpRequest.newBuilder(URI.create(url + path)).header("Authorization", "Bearer " + key)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    private String put(String path, String body) {
        return send(HttpRequest.newBuilder(URI.create(url + path)).header("Authorization", "Bearer " + key)
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    private String send(HttpRequest request) {
        try {
            HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() >= 400) {
                throw new IllegalStateException(request.uri() + " -> " + r.statusCode() + " " + r.body());
            }
            return r.body();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A purpose, a notice and {@code n} subjects with a mix of grants and withdrawals; returns their ids. */
    private List<String> seed(int n) {
        put("/api/v1/purposes/marketing", """
                {"name": {"en": "Marketing"}, "legalBasis": "CONSENT", "channels": ["sms", "email"], "validityDays": 730,
                 "retentionDays": 1095}""");
        String version = "bench-" + System.nanoTime();
        post("/api/v1/notices", """
                {"version": "%s", "locale": "en", "title": "t", "body": "b", "handler": {"name": "h", "contact": "c"},
                 "officerContact": "o", "purposes": ["marketing"], "methods": "m", "dataCategories": ["phone"],
                 "retention": "r", "rights": "r", "material": false}""".formatted(version));
        List<String> ids = new ArrayList<>(n);
        String captured = Instant.now().minusSeconds(60).toString();
        for (int start = 0; start < n; start += 1000) {
            StringBuilder b = new StringBuilder("{\"events\": [");
            for (int i = start; i < Math.min(n, start + 1000); i++) {
                b.append(i == start ? "" : ",").append("""
                        {"subject": {"identifiers": [{"type": "member", "value": "HTTP-%d-%d"}]}, "purpose": "marketing",
                         "channel": "sms", "action": "%s", "noticeVersion": "%s", "touchpoint": "WEB", "capturedAt": "%s"}"""
                        .formatted(System.identityHashCode(this), i, i % 4 == 0 ? "WITHDRAW" : "GRANT", version, captured));
            }
            String body = post("/api/v1/consent-events", b.append("]}").toString());
            for (int at = body.indexOf("\"subjectId\":\""); at >= 0; at = body.indexOf("\"subjectId\":\"", at + 1)) {
                int from = at + 13;
                ids.add(body.substring(from, body.indexOf('"', from)));
            }
        }
        return ids;
    }

    private static String arg(String[] args, String name, String fallback) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return fallback;
    }
}
