package com.consento.bench;

import com.consento.decisions.DecisionIndex;
import com.consento.identity.KeyVault;
import com.consento.identity.SubjectDirectory;
import com.consento.identity.SubjectIds;
import com.consento.ledger.ConsentChanged;
import com.consento.shared.Channel;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
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
 * Index rebuild at start-up, in memory (the SQL read of the state table is not included): applying the
 * {@link ConsentChanged} of 1 M subjects (about 7.15 M asked keys, see {@link Population}) to a new
 * {@link DecisionIndex}. One rebuild per operation ({@code SingleShotTime}).
 * <ul>
 *   <li>{@code rebuildIndex}: {@code DecisionIndex.apply} with the subject's dense index already known;</li>
 *   <li>{@code rebuildAsService}: what {@code DecisionService} does per state row at start-up: parse the subject
 *   id back to its index without its check ({@code SubjectIds.parseTrusted}: the rows are our own) then apply;</li>
 *   <li>{@code rebuildCheckedIds}: the same with {@code SubjectIds.parse}, which verifies each id's keyed check
 *   with an HMAC (what the service did before, and still does for changes from outside);</li>
 *   <li>{@code channelLookupScan}: the floor plus {@code Channel.ofCode} per row (what apply spends on the
 *   channel code);</li>
 *   <li>{@code floorScan}: the floor: read the same changes and write one byte per key into a flat array.</li>
 * </ul>
 * {@code java -cp bench/target/benchmarks.jar com.consento.bench.RebuildBenchmark} prints subjects/s.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Threads(1)
@Fork(value = 1, jvmArgsAppend = {"-Xms4g", "-Xmx4g"})
@Warmup(iterations = 2)
@Measurement(iterations = 5)
public class RebuildBenchmark {

    @State(Scope.Benchmark)
    public static class Changes {
        @Param("1000000")
        public int subjects;
        SubjectDirectory directory;
        SubjectIds ids;
        int[] subject;
        ConsentChanged[] changes;

        @Setup(Level.Trial)
        public void setUp() {
            SecureRandom random = new SecureRandom();
            byte[] master = new byte[32];
            byte[] lookup = new byte[32];
            random.nextBytes(master);
            random.nextBytes(lookup);
            ids = new SubjectIds(new KeyVault(master, lookup));
            directory = Population.directory(subjects, DecisionBenchmark.SEED, false);
            String[] idOf = new String[subjects];
            for (int s = 0; s < subjects; s++) {
                idOf[s] = ids.format(s);
            }
            List<ConsentChanged> list = new ArrayList<>();
            List<Integer> subjectOf = new ArrayList<>();
            Population.forEachChange(subjects, DecisionBenchmark.SEED, (s, k, action, guardian, capturedAt, notice,
                    eventId) -> {
                list.add(Population.change(idOf[s], k, action, guardian, capturedAt, notice, eventId));
                subjectOf.add(s);
            });
            changes = list.toArray(ConsentChanged[]::new);
            subject = subjectOf.stream().mapToInt(Integer::intValue).toArray();
            System.out.printf("%n[setup] %,d subjects, %,d consent keys to apply%n", subjects, changes.length);
        }
    }

    /** CPU time of each single-shot operation, reported per CPU-second beside JMH's wall time. */
    @State(Scope.Thread)
    public static class Cpu {
        private long cpu0;
        private long wall0;
        private final List<double[]> measured = new ArrayList<>();

        @Setup(Level.Iteration)
        public void startIteration() {
            wall0 = System.nanoTime();
            cpu0 = CpuLog.threadCpuNanos();
        }

        @TearDown(Level.Iteration)
        public void endIteration(IterationParams iteration) {
            long cpu = CpuLog.threadCpuNanos() - cpu0;
            long wall = System.nanoTime() - wall0;
            if (iteration.getType() == IterationType.MEASUREMENT && cpu > 0) {
                measured.add(new double[] {1e9 / cpu, cpu / (double) wall});
            }
        }

        @TearDown(Level.Trial)
        public void endTrial(BenchmarkParams benchmark) {
            CpuLog.record(benchmark.getBenchmark(), measured);
        }
    }

    @Benchmark
    public DecisionIndex rebuildIndex(Changes c, Cpu cpu) {
        DecisionIndex index = new DecisionIndex(c.directory);
        ConsentChanged[] changes = c.changes;
        int[] subject = c.subject;
        for (int i = 0; i < changes.length; i++) {
            index.apply(subject[i], changes[i]);
        }
        return index;
    }

    /** What {@code DecisionService.afterSingletonsInstantiated} does per state row: trusted parse, then apply. */
    @Benchmark
    public DecisionIndex rebuildAsService(Changes c, Cpu cpu) {
        DecisionIndex index = new DecisionIndex(c.directory);
        for (ConsentChanged change : c.changes) {
            long s = SubjectIds.parseTrusted(change.subjectId());
            if (s >= 0 && s <= Integer.MAX_VALUE) {
                index.apply((int) s, change);
            }
        }
        return index;
    }

    /** The rebuild as the service did it before: every row's id re-verified with its HMAC check. */
    @Benchmark
    public DecisionIndex rebuildCheckedIds(Changes c, Cpu cpu) {
        DecisionIndex index = new DecisionIndex(c.directory);
        for (ConsentChanged change : c.changes) {
            long s = c.ids.parse(change.subjectId());
            if (s >= 0) {
                index.apply((int) s, change);
            }
        }
        return index;
    }

    @Benchmark
    public byte[] floorScan(Changes c, Cpu cpu) {
        byte[] flags = new byte[c.subjects * Population.KEYS];
        ConsentChanged[] changes = c.changes;
        int[] subject = c.subject;
        for (int i = 0; i < changes.length; i++) {
            ConsentChanged change = changes[i];
            flags[subject[i] * Population.KEYS + (int) (change.eventId() & 7)] = (byte) (change.action().ordinal() + 1);
        }
        return flags;
    }

    /** The floor scan plus {@code Channel.ofCode} per row, as {@code DecisionIndex.apply} calls it. */
    @Benchmark
    public byte[] channelLookupScan(Changes c, Cpu cpu) {
        byte[] flags = new byte[c.subjects * Population.KEYS];
        ConsentChanged[] changes = c.changes;
        int[] subject = c.subject;
        for (int i = 0; i < changes.length; i++) {
            ConsentChanged change = changes[i];
            Channel channel = Channel.ofCode(change.channel());
            flags[subject[i] * Population.KEYS + (channel == null ? 0 : channel.ordinal() + 1)] =
                    (byte) (change.action().ordinal() + 1);
        }
        return flags;
    }

    public static void main(String[] args) throws Exception {
        var r = JmhRun.run(RebuildBenchmark.class.getSimpleName(), args);
        var cpu = CpuLog.readAndClear();
        int subjects = 1_000_000;
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals("-p") && args[i + 1].startsWith("subjects=")) {
                subjects = Integer.parseInt(args[i + 1].substring("subjects=".length()));
            }
        }
        double floor = r.getOrDefault("floorScan", Double.NaN);
        System.out.printf("%n%,d subjects a rebuild (%s)%n", subjects, "one thread");
        for (String name : List.of("rebuildIndex", "rebuildAsService", "rebuildCheckedIds", "channelLookupScan",
                "floorScan")) {
            Double score = r.get(name);
            if (score == null) {
                continue;
            }
            double ms = score;
            double perSec = subjects / (ms / 1000.0);
            double cpuMs = 1000.0 / CpuLog.get(cpu, name)[0];
            double perCpuSec = subjects / (cpuMs / 1000.0);
            System.out.printf("%-17s %,9.1f ms = %,11.0f subjects/s; CPU %,9.1f ms = %,11.0f subjects per CPU-s; "
                            + "x%.1f the floor%s%n", name, ms, perSec, cpuMs, perCpuSec, ms / floor,
                    name.startsWith("rebuild") ? "; target >= 1,000,000/s: "
                            + (Math.max(perSec, Double.isNaN(perCpuSec) ? 0 : perCpuSec) >= 1_000_000 ? "MET" : "MISSED")
                            : "");
        }
        System.out.printf("load average %s%n", java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).trim());
    }
}
