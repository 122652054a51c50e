package com.consento.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Throughput per CPU-second of the benchmark thread, beside JMH's per wall-second score. On a shared machine a
 * benchmark thread may wait for a core; "per core" is then better read from the thread's own CPU time
 * ({@code CLOCK_THREAD_CPUTIME_ID}, which excludes time the thread was runnable but not running). Forked JVMs
 * append their figures to a file named after the JMH host's pid, which the host's {@code main} reads back.
 */
final class CpuLog {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private CpuLog() {
    }

    static long threadCpuNanos() {
        return THREADS.getCurrentThreadCpuTime();
    }

    /** Another process's user + system CPU seconds from /proc (Linux), or NaN without a pid or /proc. */
    static double processCpuSeconds(long pid) {
        if (pid <= 0) {
            return Double.NaN;
        }
        try {
            String stat = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/" + pid + "/stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(f[11]) + Long.parseLong(f[12])) / 100.0;   // clock ticks (USER_HZ = 100)
        } catch (java.io.IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    /** Median of the measurement iterations: {ops per CPU-second, CPU-seconds per wall-second}. */
    static void record(String benchmark, List<double[]> iterations) {
        if (iterations.isEmpty()) {
            return;
        }
        double[] rate = iterations.stream().mapToDouble(d -> d[0]).sorted().toArray();
        double[] share = iterations.stream().mapToDouble(d -> d[1]).sorted().toArray();
        double r = rate[rate.length / 2];
        double s = share[share.length / 2];
        System.out.printf("%n[cpu] %s: %,.1f ops per CPU-second (median of %d); the thread ran %.0f%% of wall time%n",
                benchmark, r, rate.length, s * 100);
        long host = ProcessHandle.current().parent().map(ProcessHandle::pid).orElse(0L);
        try {
            Files.writeString(file(host), benchmark + " " + r + " " + s + "\n", StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            System.out.println("[cpu] cannot write " + file(host) + ": " + e);
        }
    }

    /** What the forks of this (host) process recorded: label -> {ops per CPU-second, share}; deletes the file. */
    static Map<String, double[]> readAndClear() throws IOException {
        Path f = file(ProcessHandle.current().pid());
        Map<String, double[]> out = new HashMap<>();
        if (Files.exists(f)) {
            for (String line : Files.readAllLines(f)) {
                String[] p = line.trim().split(" ");
                String label = p[0].substring(p[0].lastIndexOf('.') + 1);
                out.put(label, new double[] {Double.parseDouble(p[1]), Double.parseDouble(p[2])});
            }
            Files.delete(f);
        }
        return out;
    }

    static double[] get(Map<String, double[]> cpu, String label) {
        return cpu.getOrDefault(label, new double[] {Double.NaN, Double.NaN});
    }

    private static Path file(long hostPid) {
        return Path.of(System.getProperty("java.io.tmpdir"), "consento-bench-cpu-" + hostPid + ".txt");
    }

    static String describe(double[] values) {
        return Arrays.toString(values);
    }
}
