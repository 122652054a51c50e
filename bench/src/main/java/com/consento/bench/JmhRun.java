package com.consento.bench;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/** Runs one benchmark class through the JMH API and returns each method's primary score. */
final class JmhRun {
    private JmhRun() {
    }

    /** {@code args} are ordinary JMH command-line options (e.g. {@code -wi 1 -i 2 -p subjects=100000}). */
    static Map<String, Double> run(String benchmarkClass, String[] args) throws Exception {
        CommandLineOptions cli = new CommandLineOptions(args);
        var options = new OptionsBuilder().parent(cli);
        if (cli.getIncludes().isEmpty()) {
            options.include("\\." + benchmarkClass + "\\.");
        }
        Collection<RunResult> results = new Runner(options.build()).run();
        Map<String, Double> scores = new LinkedHashMap<>();
        for (RunResult r : results) {
            String label = r.getPrimaryResult().getLabel();
            scores.merge(label, r.getPrimaryResult().getScore(), (a, b) -> a);
        }
        return scores;
    }
}
