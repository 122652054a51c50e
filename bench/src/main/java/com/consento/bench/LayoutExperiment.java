package com.consento.bench;

import com.consento.catalog.PurposeTerms;
import com.consento.decisions.Decision;
import com.consento.decisions.DecisionRule;
import com.consento.identity.SubjectDirectory;
import com.consento.ledger.Action;
import com.consento.shared.Channel;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Evidence for a suggested change to the app's decision index, not a benchmark of shipped code. Same population,
 * same random queries and the app's own {@link DecisionRule} as {@link DecisionBenchmark}; only the memory layout
 * differs:
 * <ul>
 *   <li>{@code decideCurrent}: the app's {@code DecisionIndex} (per key 12 bytes a subject, three adjacent ints
 *   in one chunk; per subject two chunked arrays: status, adultFromDay), i.e. about three cache misses a
 *   decision (up to and including commit e9de820 a key was four parallel arrays: up to six misses);</li>
 *   <li>{@code decidePacked}: per key one {@code long[]} chunk holding two words a subject (flags | notice |
 *   captured, then event id: 16 bytes, one cache line) and per subject one {@code long} (status | adultFromDay):
 *   two independent cache misses a decision.</li>
 * </ul>
 * {@code java -cp bench/target/benchmarks.jar com.consento.bench.LayoutExperiment}
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
@Fork(value = 1, jvmArgsAppend = {"-Xms3g", "-Xmx3g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class LayoutExperiment {

    /** The prototype: what KeyColumn and SubjectDirectory would hold with the packed layout. */
    static final class PackedIndex {
        static final int CHUNK_BITS = 16;
        static final int CHUNK = 1 << CHUNK_BITS;
        static final int MASK = CHUNK - 1;
        static final long EPOCH = 1_577_836_800_000L;
        private static final Action[] ACTIONS = Action.values();
        private static final long DAY = 86_400_000L;
        final long[] subjects;                            // status (low byte) | adultFromDay (high int)
        final Map<String, long[][][]> keys = new HashMap<>(); // purpose -> [channel slot][chunk][2 * CHUNK]

        PackedIndex(int n) {
            subjects = new long[n];
        }

        void putSubject(int s, byte status, int adultFromDay) {
            subjects[s] = ((long) adultFromDay << 32) | (status & 0xFF);
        }

        void set(int s, String purpose, Channel channel, Action action, boolean guardian, long capturedAt,
                 long notice, long eventId) {
            long[][][] cols = keys.computeIfAbsent(purpose, p -> new long[Channel.values().length + 1][][]);
            int slot = channel == null ? 0 : channel.ordinal() + 1;
            int c = s >>> CHUNK_BITS;
            if (cols[slot] == null || cols[slot].length <= c) {
                cols[slot] = cols[slot] == null ? new long[c + 1][] : java.util.Arrays.copyOf(cols[slot], c + 1);
            }
            if (cols[slot][c] == null) {
                cols[slot][c] = new long[2 * CHUNK];
            }
            int i = (s & MASK) << 1;
            long flags = (action.ordinal() + 1) | (guardian ? 0x10 : 0);
            long captured = Math.floorDiv(capturedAt - EPOCH, 1000L) & 0xFFFF_FFFFL;
            cols[slot][c][i + 1] = eventId;
            cols[slot][c][i] = (captured << 32) | ((notice & 0xFF_FFFFL) << 8) | flags;
        }

        Decision decide(int s, String purpose, PurposeTerms terms, Channel channel, long at) {
            long sw = s >= 0 && s < subjects.length ? subjects[s] : 0;
            byte status = (byte) sw;
            int adultFrom = status == SubjectDirectory.UNKNOWN ? SubjectDirectory.NO_MINOR : (int) (sw >> 32);
            long[][][] cols = keys.get(purpose);
            long[][] col = cols == null ? null : cols[channel == null ? 0 : channel.ordinal() + 1];
            int c = s >>> CHUNK_BITS;
            long[] chunk = col != null && c < col.length ? col[c] : null;
            int i = (s & MASK) << 1;
            long w = chunk == null ? 0 : chunk[i];
            int flags = (int) (w & 0xFF);
            if (flags == 0) {
                return DecisionRule.decide(terms, status, adultFrom, null, false, 0, 0, 0, at);
            }
            return DecisionRule.decide(terms, status, adultFrom, ACTIONS[(flags & 0x0F) - 1], (flags & 0x10) != 0,
                    EPOCH + (w >>> 32) * 1000L, (w >>> 8) & 0xFF_FFFFL, chunk[i + 1], at);
        }
    }

    @State(Scope.Benchmark)
    public static class Packed {
        PackedIndex index;

        @Setup(Level.Trial)
        public void setUp(DecisionBenchmark.Queries q) {
            index = new PackedIndex(q.subjects);
            SubjectDirectory directory = Population.directory(q.subjects, DecisionBenchmark.SEED, false);
            for (int s = 0; s < q.subjects; s++) {
                index.putSubject(s, directory.status(s), directory.adultFromDay(s));
            }
            Population.forEachChange(q.subjects, DecisionBenchmark.SEED, (s, k, action, guardian, capturedAt, notice,
                    eventId) -> index.set(s, Population.PURPOSE[k], Population.CHANNEL[k], action, guardian,
                    capturedAt, notice, eventId));
            // the prototype must answer exactly as the app's index does
            DecisionBenchmark.Index reference = new DecisionBenchmark.Index();
            reference.setUp(q);
            for (int i = 0; i < 200_000; i++) {
                int k = q.key[i];
                Decision a = reference.index.decide(q.subject[i], Population.PURPOSE[k], Population.TERMS[k],
                        Population.CHANNEL[k], Population.NOW);
                Decision b = index.decide(q.subject[i], Population.PURPOSE[k], Population.TERMS[k],
                        Population.CHANNEL[k], Population.NOW);
                if (!a.equals(b)) {
                    throw new IllegalStateException("prototype differs at query " + i + ": " + a + " vs " + b);
                }
            }
            System.out.println("[setup] packed prototype answers as the app's index on 200,000 queries");
        }
    }

    @Benchmark
    public Decision decideCurrent(DecisionBenchmark.Index idx, DecisionBenchmark.Queries q, DecisionBenchmark.Cursor c) {
        int i = c.next();
        int k = q.key[i];
        return idx.index.decide(q.subject[i], Population.PURPOSE[k], Population.TERMS[k], Population.CHANNEL[k],
                Population.NOW);
    }

    @Benchmark
    public Decision decidePacked(Packed p, DecisionBenchmark.Queries q, DecisionBenchmark.Cursor c) {
        int i = c.next();
        int k = q.key[i];
        return p.index.decide(q.subject[i], Population.PURPOSE[k], Population.TERMS[k], Population.CHANNEL[k],
                Population.NOW);
    }

    public static void main(String[] args) throws Exception {
        var r = JmhRun.run(LayoutExperiment.class.getSimpleName(), args);
        var cpu = CpuLog.readAndClear();
        double current = r.getOrDefault("decideCurrent", Double.NaN);
        double packed = r.getOrDefault("decidePacked", Double.NaN);
        double[] currentCpu = CpuLog.get(cpu, "decideCurrent");
        double[] packedCpu = CpuLog.get(cpu, "decidePacked");
        System.out.printf("%n               per wall-second    per CPU-second%n");
        System.out.printf("decideCurrent %,15.0f  %,15.0f decisions/s%n", current, currentCpu[0]);
        System.out.printf("decidePacked  %,15.0f  %,15.0f decisions/s   packed/current = %.2f (CPU: %.2f)%n", packed,
                packedCpu[0], packed / current, packedCpu[0] / currentCpu[0]);
        System.out.printf("load average %s%n", java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).trim());
    }
}
