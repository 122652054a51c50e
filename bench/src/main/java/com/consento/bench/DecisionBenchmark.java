package com.consento.bench;

import com.consento.decisions.Decision;
import com.consento.decisions.DecisionIndex;
import com.consento.decisions.Reason;
import com.consento.identity.SubjectDirectory;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.runner.IterationType;

/**
 * In-process decisions: {@link DecisionIndex#decide} over 1 M subjects x 10 consent keys (see {@link Population}),
 * for a random subject and key per call, one thread (= per core). Baselines in the same run, on the very same
 * random (subject, key) sequence:
 * <ul>
 *   <li>{@code floorByteArray}: one byte per (subject, key) in a flat {@code byte[]}: the memory-access floor of
 *   a compact index: 10 MB at 1 M subjects, which fits the L3 cache;</li>
 *   <li>{@code floorLongArray}: 16 bytes per (subject, key) in a flat {@code long[]}, as large as the index
 *   (160 MB): the floor of any index that must touch RAM once per decision;</li>
 *   <li>{@code hashMapLookup}: {@code HashMap<Long, Byte>} keyed by subject and key: what a naive index costs.</li>
 * </ul>
 * Run all four and print the ratios: {@code java -cp bench/target/benchmarks.jar com.consento.bench.DecisionBenchmark};
 * or plain JMH: {@code java -jar bench/target/benchmarks.jar DecisionBenchmark}.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
@Fork(value = 1, jvmArgsAppend = {"-Xms3g", "-Xmx3g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class DecisionBenchmark {
    static final long SEED = 20260601L;
    /** Queries cycle through this many precomputed random (subject, key) pairs: 16 MB, beyond the caches. */
    static final int QUERIES = 1 << 22;
    private static final int MASK = QUERIES - 1;

    /** The random (subject, key) sequence shared by every benchmark: 0.5 % of subjects are unknown. */
    @State(Scope.Benchmark)
    public static class Queries {
        @Param("1000000")
        public int subjects;
        int[] subject;
        byte[] key;

        @Setup(Level.Trial)
        public void setUp() {
            SplittableRandom r = new SplittableRandom(SEED + 1);
            int range = subjects + subjects / 200;
            subject = new int[QUERIES];
            key = new byte[QUERIES];
            for (int i = 0; i < QUERIES; i++) {
                subject[i] = r.nextInt(range);
                key[i] = (byte) r.nextInt(Population.KEYS);
            }
        }
    }

    /** The position in the query sequence; also counts operations to report them per CPU-second. */
    @State(Scope.Thread)
    public static class Cursor {
        int i;
        long ops;
        private long ops0;
        private long cpu0;
        private long wall0;
        private final List<double[]> measured = new ArrayList<>();

        int next() {
            ops++;
            return i = (i + 1) & MASK;
        }

        @Setup(Level.Iteration)
        public void startIteration() {
            ops0 = ops;
            wall0 = System.nanoTime();
            cpu0 = CpuLog.threadCpuNanos();
        }

        @TearDown(Level.Iteration)
        public void endIteration(IterationParams iteration) {
            long cpu = CpuLog.threadCpuNanos() - cpu0;
            long wall = System.nanoTime() - wall0;
            if (iteration.getType() == IterationType.MEASUREMENT && cpu > 0) {
                measured.add(new double[] {(ops - ops0) / (cpu / 1e9), cpu / (double) wall});
            }
        }

        @TearDown(Level.Trial)
        public void endTrial(BenchmarkParams benchmark) {
            CpuLog.record(benchmark.getBenchmark(), measured);
        }
    }

    @State(Scope.Benchmark)
    public static class Index {
        SubjectDirectory directory;
        DecisionIndex index;

        @Setup(Level.Trial)
        public void setUp(Queries q) {
            long start = System.nanoTime();
            directory = Population.directory(q.subjects, SEED, true);
            index = new DecisionIndex(directory);
            long keys = Population.fill(index, q.subjects, SEED);
            System.out.printf("%n[setup] %,d subjects, %,d asked keys, built in %d ms; index %,d bytes%n",
                    q.subjects, keys, (System.nanoTime() - start) / 1_000_000, index.bytesUsed());
            System.out.println("[setup] reasons over the query sequence: " + reasonMix(this, q));
        }
    }

    @State(Scope.Benchmark)
    public static class Floor {
        byte[] bytes;

        @Setup(Level.Trial)
        public void setUp(Queries q) {
            bytes = new byte[(q.subjects + q.subjects / 200 + 1) * Population.KEYS];
            Population.forEachChange(q.subjects, SEED, (s, k, action, guardian, capturedAt, notice, eventId) ->
                    bytes[s * Population.KEYS + k] = (byte) (action.ordinal() + 1));
        }
    }

    /** 16 bytes a (subject, key), as large as the index: the floor for one DRAM access per decision. */
    @State(Scope.Benchmark)
    public static class WideFloor {
        long[] words;

        @Setup(Level.Trial)
        public void setUp(Queries q) {
            words = new long[(q.subjects + q.subjects / 200 + 1) * Population.KEYS * 2];
            Population.forEachChange(q.subjects, SEED, (s, k, action, guardian, capturedAt, notice, eventId) ->
                    words[(s * Population.KEYS + k) * 2] = capturedAt | (action.ordinal() + 1));
        }
    }

    @State(Scope.Benchmark)
    public static class BoxedMap {
        Map<Long, Byte> map;

        @Setup(Level.Trial)
        public void setUp(Queries q) {
            map = new HashMap<>();
            Population.forEachChange(q.subjects, SEED, (s, k, action, guardian, capturedAt, notice, eventId) ->
                    map.put((long) s * 16 + k, (byte) (action.ordinal() + 1)));
        }
    }

    @Benchmark
    public Decision decide(Index idx, Queries q, Cursor c) {
        int i = c.next();
        int k = q.key[i];
        return idx.index.decide(q.subject[i], Population.PURPOSE[k], Population.TERMS[k], Population.CHANNEL[k],
                Population.NOW);
    }

    @Benchmark
    public byte floorByteArray(Floor f, Queries q, Cursor c) {
        int i = c.next();
        return f.bytes[q.subject[i] * Population.KEYS + q.key[i]];
    }

    @Benchmark
    public long floorLongArray(WideFloor f, Queries q, Cursor c) {
        int i = c.next();
        return f.words[(q.subject[i] * Population.KEYS + q.key[i]) * 2];
    }

    @Benchmark
    public Byte hashMapLookup(BoxedMap m, Queries q, Cursor c) {
        int i = c.next();
        return m.map.get((long) q.subject[i] * 16 + q.key[i]);
    }

    static Map<Reason, String> reasonMix(Index idx, Queries q) {
        Map<Reason, Integer> counts = new EnumMap<>(Reason.class);
        int sample = Math.min(QUERIES, 1_000_000);
        for (int i = 0; i < sample; i++) {
            int k = q.key[i];
            Decision d = idx.index.decide(q.subject[i], Population.PURPOSE[k], Population.TERMS[k],
                    Population.CHANNEL[k], Population.NOW);
            counts.merge(d.reason(), 1, Integer::sum);
        }
        Map<Reason, String> pct = new EnumMap<>(Reason.class);
        counts.forEach((r, n) -> pct.put(r, String.format("%.1f%%", 100.0 * n / sample)));
        return pct;
    }

    /** Runs the four benchmarks in one JMH run and prints decisions/s and the ratios to the baselines. */
    public static void main(String[] args) throws Exception {
        var results = JmhRun.run(DecisionBenchmark.class.getSimpleName(), args);
        var cpu = CpuLog.readAndClear();
        double decide = results.getOrDefault("decide", Double.NaN);
        double floor = results.getOrDefault("floorByteArray", Double.NaN);
        double map = results.getOrDefault("hashMapLookup", Double.NaN);
        double wide = results.getOrDefault("floorLongArray", Double.NaN);
        double[] wideCpu = CpuLog.get(cpu, "floorLongArray");
        double[] decideCpu = CpuLog.get(cpu, "decide");
        double[] floorCpu = CpuLog.get(cpu, "floorByteArray");
        double[] mapCpu = CpuLog.get(cpu, "hashMapLookup");
        System.out.println();
        System.out.println("                per wall-second (JMH score)   per CPU-second of the thread (ran % of wall)");
        System.out.printf("decide          %,15.0f decisions/s   %,15.0f (%3.0f%%)   target >= 10,000,000/s per core: %s%n",
                decide, decideCpu[0], decideCpu[1] * 100,
                Math.max(decide, Double.isNaN(decideCpu[0]) ? 0 : decideCpu[0]) >= 10_000_000 ? "MET" : "MISSED");
        System.out.printf("floorByteArray  %,15.0f reads/s       %,15.0f (%3.0f%%)   decide/floor   = %.3f (CPU: %.3f)%n",
                floor, floorCpu[0], floorCpu[1] * 100, decide / floor, decideCpu[0] / floorCpu[0]);
        System.out.printf("floorLongArray  %,15.0f reads/s       %,15.0f (%3.0f%%)   decide/floorLong = %.3f (CPU: %.3f)%n",
                wide, wideCpu[0], wideCpu[1] * 100, decide / wide, decideCpu[0] / wideCpu[0]);
        System.out.printf("hashMapLookup   %,15.0f lookups/s     %,15.0f (%3.0f%%)   decide/hashMap = %.3f (CPU: %.3f)%n",
                map, mapCpu[0], mapCpu[1] * 100, decide / map, decideCpu[0] / mapCpu[0]);
        System.out.printf("load average %s%n", java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).trim());
        System.out.printf(java.util.Locale.ROOT, "{\"decidePerSec\":%.0f,\"floorPerSec\":%.0f,\"hashMapPerSec\":%.0f,"
                        + "\"decidePerCpuSec\":%.0f,\"floorPerCpuSec\":%.0f,\"hashMapPerCpuSec\":%.0f,"
                        + "\"floorLongPerSec\":%.0f,\"floorLongPerCpuSec\":%.0f,"
                        + "\"decideOverFloor\":%.4f,\"decideOverHashMap\":%.4f}%n", decide, floor, map, decideCpu[0],
                floorCpu[0], mapCpu[0], wide, wideCpu[0], decide / floor, decide / map);
    }
}
