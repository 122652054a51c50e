package com.consento.bench;

import com.consento.decisions.DecisionIndex;
import com.consento.identity.SubjectDirectory;
import java.lang.management.ManagementFactory;
import java.lang.ref.Reference;

/**
 * Heap per subject of the in-memory decision state: the {@link SubjectDirectory} (status, age, one phone
 * identifier per subject) and the {@link DecisionIndex} (10 consent keys a subject, see {@link Population}),
 * measured as used-heap deltas after full collections, and as the index's own {@code bytesUsed()}.
 * <pre>
 * java -Xmx3g -cp bench/target/benchmarks.jar com.consento.bench.HeapPerSubject 1000000
 * java -Xmx8g -cp bench/target/benchmarks.jar com.consento.bench.HeapPerSubject 10000000
 * </pre>
 * Target (DESIGN.md): decision + audience indexes at most 200 bytes a subject at 10 M subjects.
 */
public final class HeapPerSubject {
    private HeapPerSubject() {
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0].replace("_", "")) : 1_000_000;
        long base = usedAfterGc();
        long t0 = System.nanoTime();
        SubjectDirectory directory = Population.directory(n, DecisionBenchmark.SEED, true);
        long afterDirectory = usedAfterGc();
        long t1 = System.nanoTime();
        DecisionIndex index = new DecisionIndex(directory);
        long keys = Population.fill(index, n, DecisionBenchmark.SEED);
        long t2 = System.nanoTime();
        long afterIndex = usedAfterGc();
        double dir = (afterDirectory - base) / (double) n;
        double idx = (afterIndex - afterDirectory) / (double) n;
        double reported = index.bytesUsed() / (double) n;
        double total = (afterIndex - base) / (double) n;
        System.out.printf("subjects %,d; asked keys %,d (%.2f a subject); heap max %,d MB%n", n, keys,
                keys / (double) n, Runtime.getRuntime().maxMemory() >> 20);
        System.out.printf("directory (status, age, 1 identifier)   %7.1f B/subject (used-heap delta), built in %,d ms%n",
                dir, (t1 - t0) / 1_000_000);
        System.out.printf("decision index, used-heap delta          %7.1f B/subject, built in %,d ms%n", idx,
                (t2 - t1) / 1_000_000);
        System.out.printf("decision index, DecisionIndex.bytesUsed  %7.1f B/subject%n", reported);
        System.out.printf("total decision state                     %7.1f B/subject (target <= 200 incl. audiences: %s)%n",
                total, total <= 200 ? "MET so far" : "MISSED");
        System.out.printf("{\"subjects\":%d,\"directoryBytesPerSubject\":%.1f,\"indexBytesPerSubject\":%.1f,"
                + "\"indexBytesUsedPerSubject\":%.1f,\"totalBytesPerSubject\":%.1f}%n", n, dir, idx, reported, total);
        Reference.reachabilityFence(directory);
        Reference.reachabilityFence(index);
    }

    static long usedAfterGc() throws InterruptedException {
        var memory = ManagementFactory.getMemoryMXBean();
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 4; i++) {
            System.gc();
            Thread.sleep(100);
            used = Math.min(used, memory.getHeapMemoryUsage().getUsed());
        }
        return used;
    }
}
